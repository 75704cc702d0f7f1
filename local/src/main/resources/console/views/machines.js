// State machines: ListStateMachines, paged.

import { h, formatDate } from '../dom.js';
import { api } from '../api.js';
import { load, machineHref } from './common.js';

export function machinesView() {
  const body = h('div');
  const element = h('section', { class: 'view' },
    h('div', { class: 'view-head' }, h('h1', {}, 'State machines')),
    body);
  const tokens = [undefined];
  const show = (page) => load(body, async () => {
    const result = await api.listStateMachines(tokens[page]);
    tokens[page + 1] = result.nextToken;
    const machines = result.stateMachines || [];
    if (!machines.length && page === 0) return h('p', { class: 'empty' }, 'No state machines yet. Create one with CreateStateMachine.');
    return h('div', {},
      h('table', { class: 'list', id: 'machines' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Name'), h('th', {}, 'Type'), h('th', {}, 'Creation date'), h('th', {}, 'ARN'))),
        h('tbody', {}, machines.map(m => h('tr', {},
          h('td', {}, h('a', { href: machineHref(m.stateMachineArn), class: 'machine-link' }, m.name)),
          h('td', {}, m.type || 'STANDARD'),
          h('td', {}, formatDate(m.creationDate)),
          h('td', { class: 'arn' }, m.stateMachineArn))))),
      pager(page, Boolean(result.nextToken), show));
  });
  show(0);
  return { element };
}

export function pager(page, hasNext, show) {
  return h('div', { class: 'pager' },
    h('button', { type: 'button', id: 'page-previous', disabled: page === 0, onclick: () => show(page - 1) }, '‹ Previous'),
    h('span', { class: 'page-number', id: 'page-number' }, `Page ${page + 1}`),
    h('button', { type: 'button', id: 'page-next', disabled: !hasNext, onclick: () => show(page + 1) }, 'Next ›'));
}

