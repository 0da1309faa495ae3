// The key a dismissed referral banner is kept under, shared with core's conversion path.
export { bannerDismissalKey } from '@vouch/core';
export type { AttachSettings } from './attachWidget.js';
export type { DomWidgetDefinition, DomWidgetProps, View, ViewKit } from './defineDomWidget.js';
export { defineDomWidget } from './defineDomWidget.js';
export type { DefineElementsOptions, ElementWidget } from './defineElements.js';
export { defineElements } from './defineElements.js';
export type { WidgetDefinition, WidgetProps } from './defineWidget.js';
export { defineWidget } from './defineWidget.js';
export type { Load, LoadState } from './dom/createLoad.js';
export { createLoad } from './dom/createLoad.js';
export type { OnUnmount } from './dom/OnUnmount.js';
export { setChildren } from './dom/setChildren.js';
export type { Child, Props, Tag } from './dom/tags.js';
export { h, tags } from './dom/tags.js';
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
export { widgetReserves } from './widgetReserves.js';
export type { CarouselMessages } from './widgets/carousel/carouselMessages.js';
export { carouselMessages } from './widgets/carousel/carouselMessages.js';
export type { CarouselWidgetOptions } from './widgets/carousel.js';
export { default as carouselWidget } from './widgets/carousel.js';
export type { NpsAnswer, NpsPromptProps } from './widgets/nps/NpsPrompt.js';
export { NpsPrompt } from './widgets/nps/NpsPrompt.js';
export type { NpsMessages } from './widgets/nps/npsMessages.js';
export { npsMessages } from './widgets/nps/npsMessages.js';
export type { NpsReferral } from './widgets/nps/npsThanks.js';
export type { NpsWidgetOptions } from './widgets/nps.js';
export { default as npsWidget } from './widgets/nps.js';
export type { RatingMessages } from './widgets/rating/ratingMessages.js';
export { ratingMessages } from './widgets/rating/ratingMessages.js';
export type { RatingWidgetOptions } from './widgets/rating.js';
export { default as ratingWidget } from './widgets/rating.js';
export type { ReferralCardProps } from './widgets/referral/ReferralCard.js';
export { ReferralCard } from './widgets/referral/ReferralCard.js';
export type { ReferralMessages } from './widgets/referral/referralMessages.js';
export { referralMessages } from './widgets/referral/referralMessages.js';
export { DEFAULT_CHANNELS } from './widgets/referral/shareChannels.js';
export type { ReferralWidgetOptions } from './widgets/referral.js';
export { default as referralWidget } from './widgets/referral.js';
export type { ReferralBannerWidgetOptions } from './widgets/referral-banner.js';
export { default as referralBannerWidget } from './widgets/referral-banner.js';
export type { ReferralBannerProps } from './widgets/referralBanner/ReferralBanner.js';
export { ReferralBanner } from './widgets/referralBanner/ReferralBanner.js';
export type { ReferralBannerMessages } from './widgets/referralBanner/referralBannerMessages.js';
export { referralBannerMessages } from './widgets/referralBanner/referralBannerMessages.js';
export type { ReviewFormWidgetOptions } from './widgets/review-form.js';
export { default as reviewFormWidget } from './widgets/review-form.js';
export type { ReviewFormMessages } from './widgets/reviewForm/reviewFormMessages.js';
export { reviewFormMessages } from './widgets/reviewForm/reviewFormMessages.js';
export { shareMessages } from './widgets/share/shareMessages.js';
export type { ShareWidgetOptions } from './widgets/share.js';
export { default as shareWidget } from './widgets/share.js';
export type { EmitEvent } from './widgets/shared/EmitEvent.js';
export type { TestimonialsMessages } from './widgets/testimonials/testimonialsMessages.js';
export { testimonialsMessages } from './widgets/testimonials/testimonialsMessages.js';
export type { TestimonialsWidgetOptions } from './widgets/testimonials.js';
export { default as testimonialsWidget } from './widgets/testimonials.js';
