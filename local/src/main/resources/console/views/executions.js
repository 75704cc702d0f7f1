// One state machine's executions: ListExecutions (statusFilter, maxResults, nextToken), newest first as the API
// returns them; a name search that is one DescribeExecution on the ARN built from the machine's ARN (no scan).

import { h, replace, formatDate, formatDuration, statusBadge, toDate } from '../dom.js';
import { api, executionArn } from '../api.js';
import { errorBox, executionHref, load, machineHref, openStartDialog } from './common.js';
import { pager } from './machines.js';

const STATUSES = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE'];
const PAGE_SIZE = 25;

export function executionsView(stateMachineArn, params) {
  const statusFilter = STATUSES.includes(params.get('status')) ? params.get('status') : '';
  const name = stateMachineArn.split(':')[6] || stateMachineArn;
  const info = h('div', { class: 'machine-info' });
  const list = h('div', { class: 'executions-list' });
  const found = h('div', { class: 'search-result', id: 'search-result' });

  const filter = h('select', { id: 'status-filter', 'aria-label': 'Filter by status' },
    h('option', { value: '' }, 'Any status'),
    STATUSES.map(s => h('option', { value: s, selected: s === statusFilter }, s.replace(/_/g, ' ').toLowerCase())));
  filter.addEventListener('change', () => {
    location.hash = machineHref(stateMachineArn, new URLSearchParams(filter.value ? { status: filter.value } : {}));
  });

  const searchInput = h('input', { id: 'search-name', type: 'search', placeholder: 'Execution name (order id)', autocomplete: 'off', spellcheck: 'false' });
  const search = h('form', { class: 'search', role: 'search' }, searchInput, h('button', { type: 'submit', id: 'search-submit' }, 'Find'));
  search.addEventListener('submit', async (event) => {
    event.preventDefault();
    const wanted = searchInput.value.trim();
    if (!wanted) return replace(found);
    replace(found, h('p', { class: 'loading' }, 'Looking up…'));
    try {
      const execution = await api.describeExecution(executionArn(stateMachineArn, wanted));
      replace(found, h('table', { class: 'list' }, header(), h('tbody', {}, row(execution))));
    } catch (e) {
      replace(found, e.type === 'ExecutionDoesNotExist'
        ? h('p', { class: 'empty', id: 'search-none' }, 'No execution named “', wanted, '”.')
        : errorBox(e));
    }
  });

  const element = h('section', { class: 'view' },
    h('nav', { class: 'crumbs' }, h('a', { href: '#/' }, 'State machines'), ' › ', h('span', {}, name)),
    h('div', { class: 'view-head' },
      h('h1', {}, name),
      h('button', { type: 'button', class: 'primary', id: 'start-execution', onclick: () => openStartDialog(stateMachineArn) }, 'Start execution')),
    info,
    h('div', { class: 'toolbar' }, h('h2', {}, 'Executions'), filter, search),
    found,
    list);

  load(info, async () => {
    const machine = await api.describeStateMachine(stateMachineArn);
    return h('dl', { class: 'facts' },
      fact('ARN', machine.stateMachineArn, 'arn'), fact('Type', machine.type || 'STANDARD'),
      fact('Status', machine.status || 'ACTIVE'), fact('Created', formatDate(machine.creationDate)));
  });

  const tokens = [undefined];
  const show = (page) => load(list, async () => {
    const result = await api.listExecutions(stateMachineArn, { statusFilter: statusFilter || undefined, maxResults: PAGE_SIZE, nextToken: tokens[page] });
    tokens[page + 1] = result.nextToken;
    const executions = result.executions || [];
    if (!executions.length && page === 0) {
      return h('p', { class: 'empty' }, statusFilter ? `No ${statusFilter.toLowerCase()} executions.` : 'No executions yet.');
    }
    return h('div', {},
      h('table', { class: 'list', id: 'executions' }, header(), h('tbody', {}, executions.map(row))),
      pager(page, Boolean(result.nextToken), show));
  });
  show(0);
  return { element };
}

function fact(label, value, cls) {
  return [h('dt', {}, label), h('dd', { class: cls }, value ?? '—')];
}

function header() {
  return h('thead', {}, h('tr', {},
    h('th', {}, 'Name'), h('th', {}, 'Status'), h('th', {}, 'Started'), h('th', {}, 'Stopped'), h('th', {}, 'Duration')));
}

function row(execution) {
  const start = toDate(execution.startDate);
  const stop = toDate(execution.stopDate);
  const duration = start ? (stop || new Date()) - start : null;
  return h('tr', { 'data-execution': execution.name },
    h('td', {}, h('a', { href: executionHref(execution.executionArn), class: 'execution-link' }, execution.name)),
    h('td', {}, statusBadge(execution.status), execution.redriveCount ? h('span', { class: 'redriven', title: 'Redrive count' }, ` ↻${execution.redriveCount}`) : null),
    h('td', {}, formatDate(start)),
    h('td', {}, formatDate(stop)),
    h('td', {}, formatDuration(duration)));
}
