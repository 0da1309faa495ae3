export type { AttachSettings } from './attachWidget.js';
export type { DefineElementsOptions, ElementWidget } from './defineElements.js';
export { defineElements } from './defineElements.js';
export type { WidgetDefinition, WidgetProps } from './defineWidget.js';
export { defineWidget } from './defineWidget.js';
export type { MountElement } from './loader/defineMountElements.js';
export { defineMountElements } from './loader/defineMountElements.js';
export { attributeOptions, datasetOptions } from './loader/readOptions.js';
export type { MountOptions } from './mount.js';
export { mount } from './mount.js';
export { baseStyles } from './styles/baseStyles.js';
export type { ThemeToken } from './styles/themeDefaults.js';
export { themeDefaults } from './styles/themeDefaults.js';
export type { ThemeValues } from './styles/themeStyles.js';
export type { SnapshotSource } from './useClientState.js';
export { useClientState } from './useClientState.js';
export type {
  WidgetClient,
  WidgetContext,
  WidgetModule,
  WidgetOptions,
  WidgetSource,
} from './WidgetModule.js';
export type { WidgetName } from './widgetNames.js';
export { WIDGET_NAMES } from './widgetNames.js';
