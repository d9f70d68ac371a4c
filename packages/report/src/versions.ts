/** The vega bundles the report inlines, pinned; a test checks them against the installed packages. */
export const vegaVersions = {
  vega: '6.4.0',
  vegaLite: '6.4.3',
  vegaEmbed: '7.3.0',
} as const;
