// DOM helpers. Every value reaches the page through textContent or setAttribute, never through innerHTML:
// execution names, inputs, outputs, errors and causes are user data.

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Creates an element. attrs: plain attributes, plus `class`, `on<event>` handlers and `dataset`.
 * children: strings (become text nodes), nodes, arrays of either, null/undefined/false (skipped).
 */
export function h(tag, attrs = {}, ...children) {
  return fill(document.createElement(tag), attrs, children);
}

/** The SVG counterpart of h(). */
export function s(tag, attrs = {}, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attrs, children);
}

function fill(element, attrs, children) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(element, child);
    else if (child instanceof Node) element.appendChild(child);
    else element.appendChild(document.createTextNode(String(child)));
  }
}

/** Replaces the children of a node. */
export function replace(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

/** Pretty-prints a JSON document given as a string; text that is not JSON is returned as it is. */
export function prettyJson(text) {
  if (text === undefined || text === null) return '';
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return String(text);
  }
}

/** A read-only block of (pretty-printed) JSON with a copy button. */
export function jsonBlock(label, text, options = {}) {
  const pretty = prettyJson(text);
  const pre = h('pre', { class: 'json', 'data-testid': options.testId }, pretty || '—');
  const copy = h('button', { type: 'button', class: 'small', title: 'Copy to the clipboard' }, 'Copy');
  copy.addEventListener('click', async () => {
    copy.textContent = (await copyText(pretty)) ? 'Copied' : 'Copy failed';
    setTimeout(() => { copy.textContent = 'Copy'; }, 1500);
  });
  return h('section', { class: 'json-block' },
    h('div', { class: 'json-head' }, h('h3', {}, label), pretty ? copy : null),
    pre);
}

async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard permission (plain http on another host, headless): fall back to a selection copy.
    const area = h('textarea', { class: 'offscreen', readonly: true });
    area.value = text;
    document.body.appendChild(area);
    area.select();
    const copied = document.execCommand('copy');
    area.remove();
    return copied;
  }
}

/** A date from the API (epoch seconds as a number in AWS JSON 1.0, or an ISO string). */
export function toDate(value) {
  if (value === undefined || value === null || value === '') return null;
  const date = typeof value === 'number' ? new Date(value * 1000) : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

const pad = (n, w = 2) => String(n).padStart(w, '0');

/** 2025-05-01 14:03:07.123 in the browser's time zone. */
export function formatDate(value) {
  const d = value instanceof Date ? value : toDate(value);
  if (!d) return '—';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} `
    + `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** 1 h 2 min 3.456 s, 850 ms, ... */
export function formatDuration(ms) {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(3).replace(/\.?0+$/, '')} s`;
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const sec = Math.floor(seconds % 60);
  return h > 0 ? `${h} h ${m} min ${sec} s` : `${m} min ${sec} s`;
}

/** Status badge: SUCCEEDED, FAILED, RUNNING, ABORTED, TIMED_OUT, PENDING_REDRIVE. */
export function statusBadge(status) {
  const label = String(status || 'UNKNOWN');
  return h('span', { class: `badge status-${label.toLowerCase().replace(/_/g, '-')}`, 'data-status': label },
    label.replace(/_/g, ' ').toLowerCase().replace(/^./, c => c.toUpperCase()));
}
