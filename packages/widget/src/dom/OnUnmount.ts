/**
 * Registers what undoes a subscription, listener or timer of a widget: it runs when the
 * widget unmounts (at once if it already has).
 */
export type OnUnmount = (cleanup: () => void) => void;
