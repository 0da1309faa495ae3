/**
 * The share buttons' icons: simplified, recognisable 24×24 glyphs, one stroked path each
 * (the widget's sheet gives the stroke), drawn in the text colour. They are decoration:
 * every button has its name in text beside its icon.
 */
export const shareIcons: Record<string, string> = {
  native: 'M12 3v12M8 7l4-4 4 4M5 12v8h14v-8',
  copy: 'M10 14a4 4 0 0 0 6 0l3-3a4 4 0 0 0-6-6l-1 1m2 4a4 4 0 0 0-6 0l-3 3a4 4 0 0 0 6 6l1-1',
  x: 'M4 4l11 16h5L9 4zm0 16 6.5-6.5M20 4l-6.5 6.5',
  facebook: 'M15 3h-2a4 4 0 0 0-4 4v14M6 11h8',
  linkedin: 'M5 10v9m0-14v.5m5 13.5v-9m0 4a4 4 0 0 1 8 0v5',
  whatsapp: 'M3 21l1.6-5A9 9 0 1 1 8 19.4zm6-12c0 4 2 6 6 6',
  telegram: 'M21 3 3 10.5l7 2.5 2.5 7zm-11 10L21 3',
  reddit: 'M4 14a8 5 0 0 0 16 0 8 5 0 0 0-16 0m8-5 1.5-5 4.5 1M9 16q3 2 6 0',
  pinterest: 'M9 21l3-11m-2 6a3.5 3.5 0 1 0-1-5M12 3a9 9 0 1 1 0 18 9 9 0 0 1 0-18',
  email: 'M3 5h18v14H3zm0 0 9 8 9-8',
  sms: 'M4 4h16v12H9l-5 4z',
  bluesky: 'M12 11C9 5 4 2 3 5s1 7 5 7c-4 2-1 7 4 3 5 4 8-1 4-3 4 0 6-4 5-7s-6 0-9 6z',
  threads: 'M16 12a4 4 0 1 0-8 0 4 4 0 0 0 8 0v1.5a2.5 2.5 0 0 0 5 0V12a9 9 0 1 0-3.5 7.1',
  mastodon:
    'M7 17c5 2 12 1 12-3V8c0-3-3-5-7-5S5 5 5 8v6c0 5 4 7 9 6M9 13V9a1.5 1.5 0 0 1 3 0v2V9a1.5 1.5 0 0 1 3 0v4',
};
