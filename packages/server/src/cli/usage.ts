/** `vouch-server --help`. */
export const USAGE = `vouch-server — the vouch API server

Usage:
  vouch-server start [--port N] [--host ADDRESS] [--trust-proxy]
      Serve the API (PORT, default 8787; every interface unless --host).
      Applies pending migrations first. --trust-proxy reads the client address
      from X-Forwarded-For, for a server behind a reverse proxy.
  vouch-server migrate
      Apply pending migrations and exit.
  vouch-server sites create --name NAME --origin URL [--origin URL …] [--json]
      Create a site for the shop at each origin (https://shop.example). Prints its
      public key (for the script tag) and its secret key, shown only this once.
      With --json prints { "site", "publicKey", "secretKey" }.
  vouch-server sites list [--json]
      List the sites, without secrets.
  vouch-server --help

Environment:
  DATABASE_URL   postgres://… selects PostgreSQL
  VOUCH_DB       the SQLite file otherwise (default .vouch/vouch.db)
  PORT           the port for start (default 8787)
`;
