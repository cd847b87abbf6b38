/**
 * The catalogue of invariants of CPython's object identity model.
 *
 * `spec/` is the bottom layer: it imports nothing from `model/`, `oracle/` or `properties/`.
 * Each invariant is one file `spec/<family>/<id>.ts` exporting its entry as data.
 * @packageDocumentation
 */
export { specEntrySchema, versionSchema, guaranteeSchema, platformSchema, holdsSchema, sourceRefSchema, exampleSchema, implementationExpectationSchema } from './schema';
export type { SpecEntry, Guarantee, Platform, Regime, ImplementationExpectation, OtherImplementation } from './schema';
export { expectationOn } from './implementations';
export { validateSpecEntry, validateCatalogue, SpecValidationError } from './validate';
export { loadCatalogue, listEntryFiles, SPEC_DIR } from './catalogue';
export { parseVersion, compareVersions, holdsOn, holdingRange, regimeOn } from './versions';
export type { VersionTuple } from './versions';
