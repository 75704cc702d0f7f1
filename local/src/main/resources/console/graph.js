// The execution graph: a model of the definition (states, transitions, Choice branches, Catch edges, Map and
// Parallel as groups), a small layered layout (states are few, so no layout library is needed), and an SVG
// rendering whose nodes are coloured by status. Data reaches the SVG through textContent only.

import { s } from './dom.js';

const NODE_H = 38;
const MIN_NODE_W = 120;
const LAYER_GAP = 54;
const NODE_GAP = 34;
const GROUP_PAD = 18;
const GROUP_HEAD = 28;
const BRANCH_GAP = 28;
const DUMMY_W = 12;
export const START = '\u0000start';
export const END = '\u0000end';

// ---------------------------------------------------------------------------------------------------- model

/** Builds the graph of a definition (an object). Top-level scope has Start and End nodes. */
export function buildModel(definition) {
  return scopeOf(definition, true);
}

function scopeOf(machine, top) {
  const states = machine && typeof machine.States === 'object' && machine.States ? machine.States : {};
  const nodes = [];
  const edges = [];
  const add = (from, to, kind, label) => {
    if (to === undefined || to === null) return;
    const same = edges.find(e => e.from === from && e.to === to && e.kind === kind);
    if (same) {
      if (label && !String(same.label || '').split(', ').includes(label)) same.label = same.label ? `${same.label}, ${label}` : label;
    } else {
      edges.push({ from, to, kind, label });
    }
  };
  if (top) nodes.push({ id: START, kind: 'terminal', label: 'Start' });
  for (const [name, state] of Object.entries(states)) {
    const node = { id: name, name, kind: 'state', type: state.Type, label: name };
    if (state.Type === 'Parallel') {
      node.group = { kind: 'Parallel', scopes: (state.Branches || []).map(b => scopeOf(b, false)) };
    } else if (state.Type === 'Map') {
      node.group = { kind: 'Map', scopes: [scopeOf(state.ItemProcessor || state.Iterator || {}, false)] };
    }
    nodes.push(node);
    if (state.Type === 'Choice') {
      (state.Choices || []).forEach((choice, i) => add(name, choice.Next, 'choice', choiceLabel(choice, i)));
      add(name, state.Default, 'default', 'Default');
    } else if (state.Next) {
      add(name, state.Next, 'next');
    }
    for (const c of state.Catch || []) add(name, c.Next, 'catch', (c.ErrorEquals || []).map(shortError).join(', ') || 'Catch');
    if (top && (state.End === true || state.Type === 'Succeed' || state.Type === 'Fail')) add(name, END, 'next');
  }
  if (top) {
    nodes.push({ id: END, kind: 'terminal', label: 'End' });
    add(START, machine.StartAt, 'next');
  }
  // Edges to states that do not exist in this scope (an invalid definition) are dropped, not drawn into nowhere.
  const ids = new Set(nodes.map(n => n.id));
  return { nodes, edges: edges.filter(e => ids.has(e.from) && ids.has(e.to)), startAt: top ? START : machine.StartAt };
}

// Java error names are fully qualified class names; the label shows the class, the tooltip the whole edge.
function shortError(error) {
  const parts = String(error).split('.');
  return parts.length > 2 ? parts[parts.length - 1] : String(error);
}

const OPERATORS = [
  [/^(String|Numeric|Timestamp)Equals(Path)?$/, '=='], [/^(String|Numeric|Timestamp)LessThan(Path)?$/, '<'],
  [/^(String|Numeric|Timestamp)GreaterThan(Path)?$/, '>'], [/^(String|Numeric|Timestamp)LessThanEquals(Path)?$/, '<='],
  [/^(String|Numeric|Timestamp)GreaterThanEquals(Path)?$/, '>='], [/^BooleanEquals(Path)?$/, '=='],
];

function choiceLabel(choice, index) {
  if (typeof choice.Comment === 'string' && choice.Comment) return choice.Comment;
  if (typeof choice.Condition === 'string') return shorten(choice.Condition.replace(/^\{%\s*|\s*%\}$/g, ''));
  const op = Object.keys(choice).find(k => !['Variable', 'Next', 'Comment', 'Assign', 'Output'].includes(k));
  if (choice.Variable && op) {
    const symbol = OPERATORS.find(([pattern]) => pattern.test(op));
    return shorten(`${choice.Variable} ${symbol ? symbol[1] : op} ${JSON.stringify(choice[op])}`);
  }
  return `Rule #${index + 1}`;
}

function shorten(text) {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** Names of the states that run once per item of a Map (their status sums up several visits). */
export function statesInsideMaps(model, inside = false, names = new Set()) {
  for (const node of model.nodes) {
    if (node.kind !== 'state') continue;
    if (inside) names.add(node.name);
    if (node.group) for (const scope of node.group.scopes) statesInsideMaps(scope, inside || node.group.kind === 'Map', names);
  }
  return names;
}

// --------------------------------------------------------------------------------------------------- layout

let measureContext;
function textWidth(text, font = '13px system-ui, sans-serif') {
  measureContext ??= document.createElement('canvas').getContext('2d');
  measureContext.font = font;
  return measureContext.measureText(text).width;
}

/**
 * Lays a scope out top to bottom: layers by longest path over the forward edges (back edges of loops are
 * found by a depth-first search and drawn on the side), dummy nodes on edges that skip layers, barycentre
 * ordering to reduce crossings, then x positions pulled towards the neighbours' centres.
 * Sets x, y, w, h on nodes (relative to the scope) and points on edges; returns {width, height}.
 */
export function layout(scope) {
  for (const node of scope.nodes) sizeNode(node);
  const ids = scope.nodes.map(n => n.id);
  const byId = new Map(scope.nodes.map(n => [n.id, n]));
  const out = new Map(ids.map(id => [id, []]));
  for (const e of scope.edges) out.get(e.from).push(e);

  // Depth-first search: discovery order seeds the ordering, an edge to a node on the stack closes a loop.
  const order = [];
  const state = new Map();
  const visit = (id) => {
    state.set(id, 'active');
    order.push(id);
    for (const e of out.get(id)) {
      const st = state.get(e.to);
      if (st === 'active') e.back = true;
      else if (!st) visit(e.to);
    }
    state.set(id, 'done');
  };
  if (byId.has(scope.startAt)) visit(scope.startAt);
  for (const id of ids) if (!state.has(id) && id !== END) visit(id);
  if (byId.has(END) && !state.has(END)) visit(END);

  // Longest-path layering over forward edges, in topological order.
  const forward = scope.edges.filter(e => !e.back && e.from !== e.to);
  const indegree = new Map(ids.map(id => [id, 0]));
  for (const e of forward) indegree.set(e.to, indegree.get(e.to) + 1);
  const layerOf = new Map(ids.map(id => [id, 0]));
  const queue = order.filter(id => indegree.get(id) === 0);
  while (queue.length) {
    const id = queue.shift();
    for (const e of forward.filter(f => f.from === id)) {
      layerOf.set(e.to, Math.max(layerOf.get(e.to), layerOf.get(id) + 1));
      indegree.set(e.to, indegree.get(e.to) - 1);
      if (indegree.get(e.to) === 0) queue.push(e.to);
    }
  }
  if (byId.has(END)) layerOf.set(END, Math.max(...ids.filter(id => id !== END).map(id => layerOf.get(id) + 1), 0));

  // Layers with dummy nodes on long forward edges.
  const layerCount = Math.max(...layerOf.values(), 0) + 1;
  const layers = Array.from({ length: layerCount }, () => []);
  const rank = new Map(order.map((id, i) => [id, i]));
  for (const id of [...ids].sort((a, b) => rank.get(a) - rank.get(b))) layers[layerOf.get(id)].push(byId.get(id));
  const up = new Map();    // node -> nodes in the layer above it is connected to
  const down = new Map();
  const link = (a, b) => {
    if (!down.has(a)) down.set(a, []);
    if (!up.has(b)) up.set(b, []);
    down.get(a).push(b);
    up.get(b).push(a);
  };
  for (const e of forward) {
    const from = byId.get(e.from);
    const to = byId.get(e.to);
    const span = layerOf.get(e.to) - layerOf.get(e.from);
    e.chain = [from];
    let previous = from;
    for (let l = layerOf.get(e.from) + 1; l < layerOf.get(e.to); l++) {
      const dummy = { id: `${e.from}->${e.to}@${l}`, kind: 'dummy', w: DUMMY_W, h: NODE_H };
      layers[l].push(dummy);
      e.chain.push(dummy);
      link(previous, dummy);
      previous = dummy;
    }
    if (span > 0) link(previous, to);
    e.chain.push(to);
  }

  // Barycentre ordering sweeps.
  const position = () => layers.forEach(layer => layer.forEach((n, i) => { n.order = i; }));
  position();
  for (let sweep = 0; sweep < 6; sweep++) {
    const downwards = sweep % 2 === 0;
    const range = downwards ? layers.slice(1) : layers.slice(0, -1).reverse();
    for (const layer of range) {
      const neighbours = downwards ? up : down;
      for (const n of layer) {
        const ns = neighbours.get(n) || [];
        n.bary = ns.length ? ns.reduce((sum, m) => sum + m.order, 0) / ns.length : n.order;
      }
      layer.sort((a, b) => a.bary - b.bary || a.order - b.order);
      layer.forEach((n, i) => { n.order = i; });
    }
  }

  // y by layer; x packed, then pulled towards the neighbours' centres a few times.
  let y = 0;
  for (const layer of layers) {
    const height = Math.max(...layer.map(n => n.h), 0);
    for (const n of layer) n.y = y + (height - n.h) / 2;
    y += height + LAYER_GAP;
  }
  const height = Math.max(0, y - LAYER_GAP);
  for (const layer of layers) {
    let x = 0;
    for (const n of layer) { n.x = x; x += n.w + NODE_GAP; }
  }
  const centre = n => n.x + n.w / 2;
  for (let pass = 0; pass < 8; pass++) {
    const neighbours = pass % 2 === 0 ? up : down;
    const sequence = pass % 2 === 0 ? layers : [...layers].reverse();
    for (const layer of sequence) {
      const wanted = layer.map(n => {
        const ns = [...(up.get(n) || []), ...(down.get(n) || [])];
        const primary = (neighbours.get(n) || []).length ? neighbours.get(n) : ns;
        return primary.length ? primary.reduce((sum, m) => sum + centre(m), 0) / primary.length - n.w / 2 : n.x;
      });
      // Packed from the left and from the right, then averaged: both keep the order without overlap, the
      // average keeps a cluster of nodes centred on where its neighbours want it.
      const left = [];
      const right = [];
      for (let i = 0; i < layer.length; i++) {
        left[i] = i === 0 ? wanted[i] : Math.max(wanted[i], left[i - 1] + layer[i - 1].w + NODE_GAP);
      }
      for (let i = layer.length - 1; i >= 0; i--) {
        right[i] = i === layer.length - 1 ? wanted[i] : Math.min(wanted[i], right[i + 1] - NODE_GAP - layer[i].w);
      }
      layer.forEach((n, i) => { n.x = (left[i] + right[i]) / 2; });
    }
  }
  const all = layers.flat();
  const minX = all.length ? Math.min(...all.map(n => n.x)) : 0;
  for (const n of all) n.x -= minX;
  let width = Math.max(...all.map(n => n.x + n.w), 0);

  // Edge points: forward edges through their dummies, ports spread along the source's bottom edge.
  for (const n of scope.nodes) {
    const outgoing = forward.filter(e => e.from === n.id).sort((a, b) => centre(a.chain[1]) - centre(b.chain[1]));
    outgoing.forEach((e, i) => {
      const spread = Math.min(22, n.w / (outgoing.length + 1));
      e.startX = centre(n) + (i - (outgoing.length - 1) / 2) * spread;
    });
  }
  for (const e of forward) {
    const from = e.chain[0];
    const to = e.chain[e.chain.length - 1];
    e.points = [[e.startX ?? centre(from), from.y + from.h]];
    for (const d of e.chain.slice(1, -1)) e.points.push([centre(d), d.y], [centre(d), d.y + d.h]);
    e.points.push([centre(to), to.y]);
  }
  // Back edges (loops) and self loops run up the right-hand side, each in its own lane.
  let lane = 0;
  for (const e of scope.edges.filter(x => x.back || x.from === x.to)) {
    const from = byId.get(e.from);
    const to = byId.get(e.to);
    lane++;
    const x = width + 18 * lane;
    e.points = [[from.x + from.w, from.y + from.h / 2], [x, from.y + from.h / 2], [x, to.y + to.h / 2], [to.x + to.w, to.y + to.h / 2]];
    e.loop = true;
  }
  width += 18 * lane + (lane ? 8 : 0);
  scope.width = width;
  scope.height = height;
  return { width, height };
}

function sizeNode(node) {
  if (node.kind === 'terminal') {
    node.w = 72;
    node.h = 30;
  } else if (node.group) {
    const sizes = node.group.scopes.map(layout);
    const inner = sizes.reduce((sum, size) => sum + size.width, 0) + BRANCH_GAP * Math.max(0, sizes.length - 1);
    const title = textWidth(`${node.group.kind}: ${node.label}`, '600 13px system-ui, sans-serif') + 24;
    node.w = Math.max(inner + 2 * GROUP_PAD, title, MIN_NODE_W);
    node.h = GROUP_HEAD + GROUP_PAD + Math.max(...sizes.map(size => size.height), NODE_H) + GROUP_PAD;
    let x = (node.w - inner) / 2;
    node.group.offsets = sizes.map(size => {
      const offset = [x, GROUP_HEAD + GROUP_PAD];
      x += size.width + BRANCH_GAP;
      return offset;
    });
  } else {
    node.w = Math.max(MIN_NODE_W, Math.ceil(textWidth(node.label)) + 32);
    node.h = NODE_H;
  }
}

// ------------------------------------------------------------------------------------------------ rendering

/**
 * Renders a laid-out model as an <svg>. onSelect(name) is called when a state is clicked.
 * Returns {svg, update(statusOf, selected)} where statusOf(name) gives a status from history.js.
 */
export function render(model, onSelect) {
  const { width, height } = layout(model);
  const margin = 16;
  const svg = s('svg', {
    class: 'graph', width: width + 2 * margin, height: height + 2 * margin,
    viewBox: `${-margin} ${-margin} ${width + 2 * margin} ${height + 2 * margin}`,
    role: 'img', 'aria-label': 'State machine graph',
  });
  svg.appendChild(s('defs', {},
    marker('arrow', 'edge-arrow'), marker('arrow-catch', 'edge-arrow catch'), marker('arrow-loop', 'edge-arrow loop')));
  const stateNodes = new Map();
  drawScope(svg, model, 0, 0, stateNodes, onSelect);
  return {
    svg,
    update(statusOf, selected) {
      for (const [name, element] of stateNodes) {
        const status = statusOf(name);
        element.setAttribute('class', `${element.dataset.base} status-${status}${name === selected ? ' selected' : ''}`);
        element.dataset.status = status;
      }
    },
  };
}

function marker(id, cls) {
  return s('marker', { id, class: cls, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' },
    s('path', { d: 'M 0 0 L 10 5 L 0 10 z' }));
}

function drawScope(parent, scope, dx, dy, stateNodes, onSelect) {
  const layer = s('g', { transform: `translate(${dx} ${dy})` });
  parent.appendChild(layer);
  const edges = s('g', { class: 'edges' });
  const labels = s('g', { class: 'edge-labels' });
  const nodes = s('g', { class: 'nodes' });
  layer.append(edges, nodes, labels);

  const placed = [];
  for (const e of scope.edges) {
    if (!e.points) continue;
    const kind = e.loop ? 'loop' : e.kind;
    const path = s('path', {
      class: `edge edge-${kind}${e.kind === 'catch' ? ' catch' : ''}`, d: e.loop ? polyline(e.points) : curve(e.points),
      'marker-end': `url(#${e.kind === 'catch' ? 'arrow-catch' : e.loop ? 'arrow-loop' : 'arrow'})`,
      'data-from': labelOf(e.from), 'data-to': labelOf(e.to), 'data-kind': e.kind,
    });
    edges.appendChild(path);
    if (e.label) labels.appendChild(edgeLabel(e, placed));
  }

  for (const node of scope.nodes) {
    if (node.kind === 'terminal') {
      nodes.appendChild(s('g', { class: 'terminal', transform: `translate(${node.x} ${node.y})` },
        s('rect', { width: node.w, height: node.h, rx: node.h / 2 }),
        s('text', { x: node.w / 2, y: node.h / 2, 'dominant-baseline': 'central', 'text-anchor': 'middle' }, node.label)));
      continue;
    }
    const base = node.group ? `state group group-${node.group.kind.toLowerCase()}` : `state type-${String(node.type).toLowerCase()}`;
    const g = s('g', {
      class: `${base} status-not-reached`, transform: `translate(${node.x} ${node.y})`, tabindex: 0, role: 'button',
      'data-state': node.name, 'data-type': node.type, 'data-base': base, 'data-status': 'not-reached',
      'aria-label': `${node.type} state ${node.name}`,
    });
    g.appendChild(s('title', {}, `${node.type}: ${node.name}`));
    const select = (event) => { event.stopPropagation(); onSelect(node.name); };
    if (node.group) {
      g.appendChild(s('rect', { class: 'group-box', width: node.w, height: node.h, rx: 10 }));
      const head = s('g', { class: 'group-head' },
        s('rect', { width: node.w, height: GROUP_HEAD, rx: 10 }),
        s('text', { x: 12, y: GROUP_HEAD / 2, 'dominant-baseline': 'central' }, `${node.group.kind}: ${node.label}`));
      head.addEventListener('click', select);
      g.appendChild(head);
      nodes.appendChild(g);
      node.group.scopes.forEach((inner, i) => {
        const [ox, oy] = node.group.offsets[i];
        drawScope(nodes, inner, node.x + ox, node.y + oy, stateNodes, onSelect);
      });
    } else {
      g.appendChild(s('rect', { class: 'box', width: node.w, height: node.h, rx: 6 }));
      g.appendChild(s('text', { x: node.w / 2, y: node.h / 2, 'dominant-baseline': 'central', 'text-anchor': 'middle' }, node.label));
      g.addEventListener('click', select);
      nodes.appendChild(g);
    }
    g.addEventListener('keydown', (event) => { if (event.key === 'Enter' || event.key === ' ') select(event); });
    stateNodes.set(node.name, g);
  }
}

function labelOf(id) {
  return id === START ? 'Start' : id === END ? 'End' : id;
}

/** A label box on an edge's first segment, moved down past labels already placed that it would overlap. */
function edgeLabel(e, placed) {
  const [[x1, y1], [x2, y2]] = e.points;
  const w = textWidth(e.label, '11px system-ui, sans-serif') + 12;
  const box = { x: (e.loop ? (x1 + x2) / 2 : x1 + (x2 - x1) * 0.5) - w / 2, y: (e.loop ? y1 - 8 : y1 + (y2 - y1) * 0.45) - 9, w, h: 18 };
  for (let moved = true, guard = 0; moved && guard < 20; guard++) {
    moved = false;
    for (const other of placed) {
      if (box.x < other.x + other.w && other.x < box.x + box.w && box.y < other.y + other.h && other.y < box.y + box.h) {
        box.y = other.y + other.h + 2;
        moved = true;
      }
    }
  }
  placed.push(box);
  return s('g', { class: `edge-label edge-label-${e.kind}`, transform: `translate(${box.x} ${box.y})` },
    s('title', {}, e.label),
    s('rect', { width: w, height: 18, rx: 4 }),
    s('text', { x: w / 2, y: 9, 'dominant-baseline': 'central', 'text-anchor': 'middle' }, e.label));
}

/** A smooth path through the points with vertical tangents (edges leave downwards and arrive from above). */
function curve(points) {
  let d = `M ${points[0][0]} ${points[0][1]}`;
  for (let i = 1; i < points.length; i++) {
    const [x0, y0] = points[i - 1];
    const [x1, y1] = points[i];
    if (x0 === x1) { d += ` L ${x1} ${y1}`; continue; }
    const my = (y0 + y1) / 2;
    d += ` C ${x0} ${my} ${x1} ${my} ${x1} ${y1}`;
  }
  return d;
}

function polyline(points) {
  return points.map(([x, y], i) => `${i ? 'L' : 'M'} ${x} ${y}`).join(' ');
}
