/**
 * A copy of a program in which no node object appears twice. Programs built by generators share
 * nodes (one `Name` object used in several places); analyses keyed by node, such as 3.14's
 * borrowed loads (borrowed-loads.ts), need each place to be its own node. A parsed program never
 * shares nodes, so only programs given as an AST are copied.
 */
import type { Module } from '../ast';

function copy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(copy);
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) out[key] = key === 'pos' ? child : copy(child);
  return out;
}

export function withUniqueNodes(module: Module): Module {
  return copy(module) as Module;
}
