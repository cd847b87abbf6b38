/**
 * The playground's state in its URL, so that a link reproduces the program: `?code=` holds the
 * source as base64url of its UTF-8 bytes, `versions=` the CPythons ticked, `profile=` the model
 * profile. A missing or unreadable part falls back to the default, never to an error page.
 */

export interface PlaygroundState {
  readonly source: string;
  readonly versions: readonly string[];
  readonly profile: string;
}

export const PLAYGROUND_PATH = '/playground';

export function encodeSource(source: string): string {
  const bytes = new TextEncoder().encode(source);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** null when `text` is not base64url of UTF-8. */
export function decodeSource(text: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
  } catch {
    return null;
  }
}

/** The query string (with its `?`) for a state. */
export function stateQuery(state: PlaygroundState): string {
  const params = new URLSearchParams({ code: encodeSource(state.source), versions: state.versions.join(','), profile: state.profile });
  return `?${params.toString()}`;
}

/** A link to the playground opened on `source` (the other settings keep their defaults). */
export function playgroundLink(source: string): string {
  return `${PLAYGROUND_PATH}?${new URLSearchParams({ code: encodeSource(source) }).toString()}`;
}

export function readState(search: string, defaults: PlaygroundState, known: { readonly versions: readonly string[]; readonly profiles: readonly string[] }): PlaygroundState {
  const params = new URLSearchParams(search);
  const code = params.get('code');
  const source = code === null ? null : decodeSource(code);
  const versionsParam = params.get('versions');
  const versions = versionsParam === null ? defaults.versions : versionsParam.split(',').filter((version) => known.versions.includes(version));
  const profile = params.get('profile');
  return {
    source: source ?? defaults.source,
    versions,
    profile: profile !== null && known.profiles.includes(profile) ? profile : defaults.profile,
  };
}
