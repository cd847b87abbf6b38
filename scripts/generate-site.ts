/**
 * Generates the site's content from spec/ and results/ only (run before `docusaurus build`):
 *   src/generated/home.json                the status matrix and run facts for the home page
 *   src/generated/invariants/<id>.json     one invariant page's data (with its examples' heap pictures)
 *   src/generated/claims.json              the "Claims checked" page's data
 *   src/generated/performance.json         the Performance page's data
 *   src/generated/playground.json          the playground's examples, interpreters and profiles
 *   static/pyodide/, static/elk/           the embedded CPythons and the layout worker the playground loads (git-ignored)
 *   docs/spec/<family>/<id>.mdx            one page per invariant (headings + components)
 * All of it is git-ignored and rewritten on every build. A missing results file is not an error:
 * the pages say that nothing was produced yet and how to produce it.
 *
 *   npx tsx scripts/generate-site.ts [--results <dir>]    (default: results/)
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadCatalogue } from '../spec';
import { claims } from '../spec/claims';
import type { HomeData } from '../src/data/types';
import { buildClaims } from './site/claims';
import { bundledElk } from './site/elk-bundled';
import { heapPictures } from './site/heap-picture';
import { buildInvariantPage } from './site/invariant-page';
import { buildMatrix, runInfo } from './site/matrix';
import { familyCategory, invariantMdx } from './site/mdx';
import { buildPerformance } from './site/performance';
import { buildPlaygroundData, copyPlaygroundAssets } from './site/playground';
import { readAllResults, readBench } from './site/results';
import { collectTargets } from './site/targets';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const GENERATED = join(ROOT, 'src', 'generated');
const SPEC_DOCS = join(ROOT, 'docs', 'spec');
/** The entry the guide walks through; its files are copied in so the guide always shows them as they are. */
const GUIDE_EXAMPLE = { spec: 'spec/int-cache/bounds.ts', property: 'properties/int-cache/bounds.prop.ts' };
/** Family pages come after the catalogue, claims and performance pages in the sidebar. */
const FIRST_FAMILY_POSITION = 10;

function writeJson(file: string, data: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(data, null, 1)}\n`);
}

function writeText(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** Every folder under docs/spec/ is generated (git-ignored); the hand-written pages are files there. */
function removeGenerated(): void {
  rmSync(GENERATED, { recursive: true, force: true });
  for (const name of readdirSync(SPEC_DOCS)) {
    const path = join(SPEC_DOCS, name);
    if (statSync(path).isDirectory()) rmSync(path, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const catalogue = await loadCatalogue();
  const { values } = parseArgs({ options: { results: { type: 'string', default: join(ROOT, 'results') } } });
  const resultsDir = resolve(values.results);
  const results = readAllResults(resultsDir);
  const targets = collectTargets(results);
  const run = runInfo(results.invariants);
  const bench = readBench(resultsDir, join(ROOT, 'bench', 'recorded.json'));
  const presence = { invariants: results.invariants !== null, examples: results.examples !== null, claims: results.claims !== null, bench: bench !== null };

  removeGenerated();

  const home: HomeData = {
    invariantCount: catalogue.length,
    targets,
    families: buildMatrix(catalogue, targets, results.invariants),
    run,
    examplesGeneratedAt: results.examples?.generatedAt ?? null,
    presence,
  };
  writeJson(join(GENERATED, 'home.json'), home);

  const families = [...new Set(catalogue.map((entry) => entry.family))];
  families.forEach((family, index) => writeText(join(SPEC_DOCS, family, '_category_.json'), familyCategory(family, FIRST_FAMILY_POSITION + index)));
  const pictures = await heapPictures(catalogue, results.examples, bundledElk());
  catalogue.forEach((entry, index) => {
    const page = buildInvariantPage(entry, results, targets, run, ROOT, pictures);
    writeJson(join(GENERATED, 'invariants', `${entry.id}.json`), page);
    const [family, ...rest] = entry.id.split('.');
    writeText(join(SPEC_DOCS, family as string, `${rest.join('.')}.mdx`), invariantMdx(page, index + 1));
  });

  writeJson(join(GENERATED, 'claims.json'), buildClaims(claims, results.claims, targets, new Set(catalogue.map((entry) => entry.id))));
  writeJson(join(GENERATED, 'performance.json'), buildPerformance(bench));
  const { copied, snapshots } = await copyPlaygroundAssets(ROOT);
  writeJson(join(GENERATED, 'playground.json'), buildPlaygroundData(catalogue, snapshots));
  writeJson(
    join(GENERATED, 'guide-files.json'),
    Object.fromEntries(Object.entries(GUIDE_EXAMPLE).map(([key, path]) => [key, { path, content: readFileSync(join(ROOT, path), 'utf8') }])),
  );

  const missing = Object.entries(presence)
    .filter(([, present]) => !present)
    .map(([name]) => relative(ROOT, join(resultsDir, `${name}.json`)));
  console.log(
    `generate-site: ${catalogue.length} invariants, ${targets.length} targets, ${claims.length} claims -> ${relative(ROOT, GENERATED)}/, ${relative(ROOT, SPEC_DOCS)}/, ` +
      `${copied} Pyodide files copied (${Math.round(performance.now() - started)} ms)${missing.length ? `; not produced yet: ${missing.join(', ')}` : ''}`,
  );
}

main().catch((error: unknown) => {
  console.error(`generate-site: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
