// The JSON that scripts/generate-site.ts writes (git-ignored, so absent before the first build):
// declared here so that type checking does not depend on having generated the site. A script file
// (no top-level import) is what makes these ambient declarations, hence `import()` types inside them.
/* eslint-disable @typescript-eslint/consistent-type-imports */
declare module '@site/src/generated/home.json' {
  const data: import('./types').HomeData;
  export default data;
}
declare module '@site/src/generated/claims.json' {
  const data: import('./types').ClaimsData;
  export default data;
}
declare module '@site/src/generated/performance.json' {
  const data: import('./types').PerformanceData;
  export default data;
}
declare module '@site/src/generated/invariants/*.json' {
  const data: import('./types').InvariantPageData;
  export default data;
}
declare module '@site/src/generated/guide-files.json' {
  const data: Readonly<Record<'spec' | 'property', { readonly path: string; readonly content: string }>>;
  export default data;
}
declare module '@site/src/generated/playground.json' {
  const data: import('./types').PlaygroundData;
  export default data;
}
