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
  vouch-server sites update --site PUBLIC_KEY [--identity-verification on|off]
      [--consent-required on|off] [--attribution-days N] [--attribution first|last]
      [--locale TAG] [--name NAME] [--theme JSON] [--nps-rules JSON|off]
      [--add-origin URL …] [--remove-origin URL …] [--json]
      Change only the settings given. With identity verification on, identify()
      must carry the hash of the customer id (identityHash in @vouch/server).
      --nps-rules '{"delayMs":5000}' shows the NPS prompt by itself by those rules
      ('{}': the defaults); off shows it only when the page asks.
  vouch-server coupons import --site PUBLIC_KEY --pool NAME FILE [--json]
      Import a CSV file of coupon codes (one a line, or a header naming the
      "code" column) into a pool. Invalid and duplicate lines are reported by
      line number and skipped; exits 1 when a line was invalid. A file that
      cannot be read imports nothing.
  vouch-server coupons list --site PUBLIC_KEY [--json]
      Each pool with its codes: total, issued, left.
  vouch-server referral-program set --site PUBLIC_KEY --file program.json [--json]
      Set the referral program (JSON, as PUT /v1/admin/referral-program takes it).
      Prints its warnings, such as a pool with no coupons yet.
  vouch-server referral-program get --site PUBLIC_KEY [--json]
      Print the program as JSON that set --file takes back (warnings on stderr).
  vouch-server nps stats --site PUBLIC_KEY [--interval day|week|month]
      [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--tz ZONE] [--json]
      NPS with its 95% margin of error, per period and for the range, with the
      response rate, dismissals and the count of each score (as GET /v1/admin/nps).
  vouch-server nps export --site PUBLIC_KEY [--category detractor|passive|promoter]
      [--contact true|false] [--commented true|false] [--from …] [--to …] [--tz …]
      Print the answers as CSV (as GET /v1/admin/nps/responses.csv).
  vouch-server --help

Environment:
  DATABASE_URL   postgres://… selects PostgreSQL
  VOUCH_DB       the SQLite file otherwise (default .vouch/vouch.db)
  PORT           the port for start (default 8787)
`;
