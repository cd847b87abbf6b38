/**
 * The page's CPython slots, one per embedded version, shared by the whole page: the playground
 * page starts loading the default version as soon as it renders, before the editor and the rest
 * of the playground have arrived, so that the interpreter's start overlaps theirs.
 */
import data from '@site/src/generated/playground.json';
import { CPythonSlot } from './runners';

const slots = new Map<string, CPythonSlot>();

/** The slot of `version`; `siteRoot` is the site's base URL (absolute or relative to the page). */
export function cpythonSlot(version: string, siteRoot: string): CPythonSlot {
  let slot = slots.get(version);
  if (slot === undefined) {
    const item = data.versions.find((candidate) => candidate.version === version);
    if (item === undefined) throw new Error(`the playground has no CPython ${version}`);
    const origin = new URL(siteRoot, window.location.href);
    const url = (path: string) => new URL(path, origin).href;
    slot = new CPythonSlot(version, url(item.path), url(data.driverPath), item.snapshot === null ? null : url(item.snapshot), item.esModuleLoader);
    slots.set(version, slot);
  }
  return slot;
}

export function warmDefaultInterpreter(siteRoot: string): void {
  cpythonSlot(data.defaultVersion, siteRoot).warm();
}

/** Leaving the page ends every interpreter. */
export function disposeInterpreters(): void {
  slots.forEach((slot) => slot.dispose());
  slots.clear();
}
