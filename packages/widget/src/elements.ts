// `import '@vouch/widget/elements'` registers `<vouch-NAME>` for every widget of the
// package. This and the script-tag entry are the only modules with a side effect.
// The site comes from the page: `<body data-vouch-site="pk_…" data-vouch-endpoint="…">`.
// To pass your own client instead, call `defineElements` from `@vouch/widget`.
import { createAttributeClients } from './createAttributeClients.js';
import { defineElements } from './defineElements.js';
import { widgetRegistry } from './widgetRegistry.js';
import { widgetReserves } from './widgetReserves.js';

defineElements({
  widgets: widgetRegistry,
  client: createAttributeClients(),
  reserves: widgetReserves,
});
