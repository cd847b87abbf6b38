/**
 * Places a heap graph with elkjs (layered, left to right): the names in the first column, objects
 * to their right, routes for every arrow. The caller brings the ELK instance: the site's build uses
 * elkjs's bundled one (elk-bundled.ts), the playground elkjs's API with its worker served as a file
 * (no 1.6 MB of elkjs through the site's bundler). The pages only draw the result.
 * Box sizes come from the text they hold at their widest step, in the monospace font the
 * component draws them with (HeapPicture.module.css), so a box never changes size between steps.
 */
import type { ElkExtendedEdge, ElkNode, ElkPoint } from 'elkjs/lib/elk-api';
import type { HeapBoxContent, HeapBoxView, HeapEdgeView } from '../../src/data/types';
import type { HeapGraph } from './heap-graph';

/** The intern table and the caches: boxes that hold entries, drawn beside the names. */
const TABLE_KINDS: ReadonlySet<string> = new Set(['intern', 'cache']);

/** Text metrics of the component's fonts (monospace 12px / 11px; a monospace advance is ~0.6 em). */
export const METRICS = {
  charWidth: 7.4,
  smallCharWidth: 6.8,
  lineHeight: 16,
  padding: 6,
  badgeGap: 4,
  badgePadding: 8,
  labelHeight: 14,
  arrowLength: 8,
  arrowHalfWidth: 4,
} as const;

export interface LaidOutPicture {
  readonly width: number;
  readonly height: number;
  readonly text: { readonly lineHeight: number; readonly padding: number };
  readonly boxes: readonly HeapBoxView[];
  readonly edges: readonly HeapEdgeView[];
}

const LAYOUT_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.padding': '[top=8,left=8,bottom=8,right=8]',
  'elk.spacing.nodeNode': '14',
  'elk.spacing.edgeNode': '10',
  'elk.spacing.edgeEdge': '8',
  'elk.spacing.edgeLabel': '2',
  'elk.layered.spacing.nodeNodeBetweenLayers': '44',
  'elk.layered.spacing.edgeNodeBetweenLayers': '14',
  // Keep the names in the order the program bound them.
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.crossingMinimization.forceNodeModelOrder': 'true',
  'elk.edgeLabels.placement': 'CENTER',
  // One layout for the whole picture: laid out apart, each group would start its own name column.
  'elk.separateConnectedComponents': 'false',
};

/** The lines a box shows; the badges share the last line. */
function lineCount(content: HeapBoxContent): number {
  return 1 + (content.value === null ? 0 : 1) + (content.meta === null ? 0 : 1) + (content.badges.length > 0 ? 1 : 0);
}

export function badgeWidth(text: string): number {
  return [...text].length * METRICS.smallCharWidth + METRICS.badgePadding;
}

function contentWidth(content: HeapBoxContent): number {
  const text = Math.max(...[content.title, content.value ?? '', content.meta ?? ''].map((line) => [...line].length)) * METRICS.charWidth;
  const badges = content.badges.reduce((sum, badge, i) => sum + badgeWidth(badge) + (i > 0 ? METRICS.badgeGap : 0), 0);
  return Math.ceil(Math.max(text, badges) + 2 * METRICS.padding);
}

function contentHeight(content: HeapBoxContent): number {
  return lineCount(content) * METRICS.lineHeight + 2 * METRICS.padding;
}

function boxSize(graph: HeapGraph, key: string): { width: number; height: number } {
  const contents = graph.steps.flatMap((step) => (step.boxes[key] ? [step.boxes[key]] : []));
  if (contents.length === 0) throw new Error(`heap graph: box ${key} is shown at no step`);
  return { width: Math.max(...contents.map(contentWidth)), height: Math.max(...contents.map(contentHeight)) };
}

const round = (n: number): number => Math.round(n * 10) / 10;

function routePoints(edge: ElkExtendedEdge): ElkPoint[] {
  const points = (edge.sections ?? []).flatMap((section) => [section.startPoint, ...(section.bendPoints ?? []), section.endPoint]);
  if (points.length < 2) throw new Error(`elk gave edge ${edge.id} no route`);
  return points;
}

/** The route as SVG path data, and an arrowhead whose tip is the route's end. */
export function edgeGeometry(points: readonly ElkPoint[]): { path: string; arrow: string } {
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${round(p.x)} ${round(p.y)}`).join(' ');
  const tip = points[points.length - 1] as ElkPoint;
  // The last point that differs from the tip gives the direction of arrival.
  const before = [...points].reverse().find((p) => p.x !== tip.x || p.y !== tip.y) ?? { x: tip.x - 1, y: tip.y };
  const length = Math.hypot(tip.x - before.x, tip.y - before.y);
  const [dx, dy] = [(tip.x - before.x) / length, (tip.y - before.y) / length];
  const base = { x: tip.x - dx * METRICS.arrowLength, y: tip.y - dy * METRICS.arrowLength };
  const corner = (side: number) => `${round(base.x - dy * METRICS.arrowHalfWidth * side)},${round(base.y + dx * METRICS.arrowHalfWidth * side)}`;
  return { path, arrow: `${round(tip.x)},${round(tip.y)} ${corner(1)} ${corner(-1)}` };
}

/** What the layout needs of an ELK instance (elkjs's `ELK` class, bundled or with its worker). */
export interface ElkLayouter {
  layout(graph: ElkNode): Promise<ElkNode>;
}

export async function layoutHeapGraph(graph: HeapGraph, elk: ElkLayouter): Promise<LaidOutPicture> {
  const sizes = new Map(graph.boxes.map((box) => [box.key, boxSize(graph, box.key)]));
  // The names form one column of equally wide boxes.
  const nameWidth = Math.max(0, ...graph.boxes.filter((box) => box.kind === 'name').map((box) => sizes.get(box.key)?.width ?? 0));
  const root: ElkNode = {
    id: 'root',
    layoutOptions: LAYOUT_OPTIONS,
    // The intern table goes below the names (model order decides the order within a layer).
    children: [...graph.boxes.filter((box) => !TABLE_KINDS.has(box.kind)), ...graph.boxes.filter((box) => TABLE_KINDS.has(box.kind))].map((box) => ({
      id: box.key,
      ...(sizes.get(box.key) as { width: number; height: number }),
      ...(box.kind === 'name' ? { width: nameWidth } : {}),
      ...(box.kind === 'name' || TABLE_KINDS.has(box.kind) ? { layoutOptions: { 'elk.layered.layering.layerConstraint': 'FIRST' } } : {}),
    })),
    edges: graph.edges.map((edge) => ({
      id: edge.key,
      sources: [edge.from],
      targets: [edge.to],
      ...(edge.label === null ? {} : { labels: [{ text: edge.label, width: badgeWidth(edge.label) - METRICS.badgePadding + 4, height: METRICS.labelHeight }] }),
    })),
  };
  const laid = await elk.layout(root);
  const placed = new Map((laid.children ?? []).map((node) => [node.id, node]));
  const routed = new Map((laid.edges ?? []).map((edge) => [edge.id, edge]));
  const boxes = graph.boxes.map((box): HeapBoxView => {
    const node = placed.get(box.key);
    if (node?.x === undefined || node.y === undefined || node.width === undefined || node.height === undefined) throw new Error(`elk did not place box ${box.key}`);
    return { key: box.key, kind: box.kind, x: round(node.x), y: round(node.y), width: node.width, height: node.height };
  });
  const edges = graph.edges.map((edge): HeapEdgeView => {
    const laidEdge = routed.get(edge.key);
    if (!laidEdge) throw new Error(`elk did not route edge ${edge.key}`);
    const label = laidEdge.labels?.[0];
    return {
      key: edge.key,
      kind: edge.kind,
      ...edgeGeometry(routePoints(laidEdge)),
      label:
        edge.label === null || label?.x === undefined || label.y === undefined
          ? null
          : { text: edge.label, x: round(label.x), y: round(label.y), width: label.width ?? 0, height: label.height ?? METRICS.labelHeight },
    };
  });
  return { width: Math.ceil(laid.width ?? 0), height: Math.ceil(laid.height ?? 0), text: { lineHeight: METRICS.lineHeight, padding: METRICS.padding }, boxes, edges };
}
