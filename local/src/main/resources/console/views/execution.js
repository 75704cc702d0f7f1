// One execution: summary and actions (DescribeExecution, StopExecution, RedriveExecution, StartExecution), the graph
// drawn from the machine's definition (DescribeStateMachine) coloured from the event history (GetExecutionHistory),
// the selected state's input, output, retries, error and cause, and the event table. Refreshes while RUNNING.

import { h, replace, formatDate, formatDuration, jsonBlock, prettyJson, statusBadge, toDate } from '../dom.js';
import { api, stateMachineArnOf } from '../api.js';
import { analyse, detailsOf } from '../history.js';
import { buildModel, render, statesInsideMaps } from '../graph.js';
import { confirmDialog, errorBox, machineHref, openStartDialog } from './common.js';

const REFRESH_MS = 1000;
const ENDED = ['FAILED', 'ABORTED', 'TIMED_OUT'];
const LEGEND = [['succeeded', 'Succeeded'], ['failed', 'Failed'], ['caught', 'Caught error'], ['in-progress', 'In progress'], ['aborted', 'Cancelled'], ['not-reached', 'Not reached']];

export function executionView(executionArn) {
  const stateMachineArn = stateMachineArnOf(executionArn);
  const machineName = stateMachineArn.split(':')[6];
  const executionName = executionArn.split(':').slice(7).join(':');

  const status = h('span', { class: 'head-status', id: 'execution-status' });
  const actions = h('div', { class: 'actions', id: 'execution-actions' });
  const message = h('div', { class: 'messages', id: 'messages' });
  const summary = h('div', { class: 'summary' });
  const failure = h('div', { id: 'execution-failure' });
  const graphBox = h('div', { class: 'graph-box', id: 'graph' }, h('p', { class: 'loading' }, 'Loading the definition…'));
  const statePanel = h('aside', { class: 'state-panel', id: 'state-panel' }, h('p', { class: 'hint' }, 'Select a state in the graph to see its input, output, retries and error.'));
  const io = h('div', { class: 'io', id: 'execution-io' });
  const historyBox = h('div', { class: 'history', id: 'history' });

  const element = h('section', { class: 'view' },
    h('nav', { class: 'crumbs' },
      h('a', { href: '#/' }, 'State machines'), ' › ', h('a', { href: machineHref(stateMachineArn) }, machineName), ' › ', h('span', {}, executionName)),
    h('div', { class: 'view-head' }, h('h1', { id: 'execution-name' }, executionName), status, actions),
    message, failure, summary,
    h('section', { class: 'panel' },
      h('h2', {}, 'Graph view'),
      h('div', { class: 'graph-layout' }, h('div', { class: 'graph-column' }, graphBox, legend()), statePanel)),
    h('section', { class: 'panel' }, h('h2', {}, 'Execution input and output'), io),
    h('section', { class: 'panel' }, h('h2', {}, 'Events'), historyBox));

  const view = { execution: null, events: [], analysis: null, graph: null, selected: null, expanded: new Set(), insideMap: new Set() };
  let timer = null;
  let disposed = false;
  let lastIo = null;

  const refresh = async () => {
    clearTimeout(timer);
    try {
      // In this order: a history read after the status holds every event up to that status (read together, an
      // ended status could come with a history from just before the end, and the polling would stop there).
      const execution = await api.describeExecution(executionArn);
      const events = await api.executionHistory(executionArn);
      if (disposed) return;
      view.execution = execution;
      view.events = events;
      view.analysis = analyse(events, view.insideMap);
      draw();
      if (execution.status === 'RUNNING' || execution.status === 'PENDING_REDRIVE') timer = setTimeout(refresh, REFRESH_MS);
    } catch (e) {
      if (disposed) return;
      replace(message, errorBox(e));
      if (e.type !== 'ExecutionDoesNotExist') timer = setTimeout(refresh, REFRESH_MS * 3);
    }
  };

  const draw = () => {
    const { execution, analysis } = view;
    element.dataset.status = execution.status;
    replace(status, statusBadge(execution.status));
    replace(actions, actionButtons(execution));
    replace(failure, execution.error || execution.cause ? failureBox('Execution failed', execution.error, execution.cause) : null);
    replace(summary, summaryFacts(execution));
    const ioKey = `${execution.input}\u0000${execution.output}`;
    if (ioKey !== lastIo) {
      lastIo = ioKey;
      replace(io, jsonBlock('Input', execution.input, { testId: 'execution-input' }), jsonBlock('Output', execution.output, { testId: 'execution-output' }));
    }
    if (view.graph) view.graph.update(name => statusOf(name), view.selected);
    drawStatePanel();
    drawHistory();
  };

  const statusOf = (name) => view.analysis?.states.get(name)?.status || 'not-reached';

  const select = (name) => {
    view.selected = name;
    if (view.graph) view.graph.update(statusOf, name);
    drawStatePanel();
  };

  const drawStatePanel = () => {
    if (!view.selected || !view.analysis) return;
    replace(statePanel, stateDetails(view.selected, view.analysis.states.get(view.selected), view.types.get(view.selected)));
  };

  const drawHistory = () => {
    replace(historyBox, historyTable(view.events, view.analysis, view.expanded, () => drawHistory()));
  };

  const actionButtons = (execution) => {
    const buttons = [];
    if (execution.status === 'RUNNING') {
      buttons.push(h('button', { type: 'button', class: 'danger', id: 'stop-execution', onclick: stop }, 'Stop execution'));
    }
    const redrivable = ENDED.includes(execution.status) && execution.redriveStatus !== 'NOT_REDRIVABLE';
    if (redrivable) buttons.push(h('button', { type: 'button', id: 'redrive-execution', onclick: redrive }, 'Redrive'));
    buttons.push(h('button', {
      type: 'button', id: 'new-execution',
      onclick: () => openStartDialog(stateMachineArn, { input: prettyJson(execution.input) || '{}', title: 'New execution with this input' }),
    }, 'New execution'));
    return buttons;
  };

  const stop = async () => {
    const answer = await confirmDialog('Stop execution', `Stop ${executionName}? The running state is abandoned and the execution ends as ABORTED.`,
      [{ name: 'error', label: 'Error (optional)' }, { name: 'cause', label: 'Cause (optional)' }], 'Stop', true);
    if (!answer) return;
    await act(() => api.stopExecution(executionArn, answer.error, answer.cause), 'Stop requested.');
  };

  const redrive = async () => {
    const answer = await confirmDialog('Redrive execution', `Redrive ${executionName} from the states that did not succeed?`, [], 'Redrive');
    if (!answer) return;
    await act(() => api.redriveExecution(executionArn), 'Redrive started.');
  };

  const act = async (operation, done) => {
    try {
      await operation();
      replace(message, h('p', { class: 'notice' }, done));
    } catch (e) {
      replace(message, errorBox(e));
    }
    await refresh();
  };

  view.types = new Map();
  api.describeStateMachineForExecution(executionArn).then((machine) => {
    if (disposed) return;
    const definition = JSON.parse(machine.definition);
    const model = buildModel(definition);
    collectTypes(model, view.types);
    view.insideMap = statesInsideMaps(model);
    view.graph = render(model, select);
    replace(graphBox, view.graph.svg);
    if (view.analysis) {
      view.analysis = analyse(view.events, view.insideMap);
      draw();
    }
  }).catch((e) => { if (!disposed) replace(graphBox, errorBox(e)); });
  refresh();

  return { element, dispose() { disposed = true; clearTimeout(timer); } };
}

function collectTypes(scope, types) {
  for (const node of scope.nodes) {
    if (node.kind !== 'state') continue;
    types.set(node.name, node.type);
    if (node.group) node.group.scopes.forEach(inner => collectTypes(inner, types));
  }
}

function legend() {
  return h('ul', { class: 'legend' }, LEGEND.map(([status, label]) => h('li', {}, h('span', { class: `swatch status-${status}` }), label)));
}

function summaryFacts(execution) {
  const start = toDate(execution.startDate);
  const stop = toDate(execution.stopDate);
  const facts = [
    ['Execution ARN', execution.executionArn, 'arn'],
    ['State machine', h('a', { href: machineHref(execution.stateMachineArn) }, execution.stateMachineArn), 'arn'],
    ['Started', formatDate(start)],
    ['Stopped', formatDate(stop)],
    ['Duration', formatDuration(start ? (stop || new Date()) - start : null)],
  ];
  if (execution.redriveCount) facts.push(['Redrive count', String(execution.redriveCount)], ['Last redrive', formatDate(execution.redriveDate)]);
  if (execution.redriveStatus && ENDED.includes(execution.status)) {
    facts.push(['Redrive status', [execution.redriveStatus, execution.redriveStatusReason ? ` (${execution.redriveStatusReason})` : '']]);
  }
  return h('dl', { class: 'facts', id: 'execution-facts' }, facts.map(([label, value, cls]) => [h('dt', {}, label), h('dd', { class: cls }, value)]));
}

function failureBox(title, error, cause) {
  return h('div', { class: 'failure', role: 'alert' },
    h('h3', {}, title),
    h('dl', {},
      h('dt', {}, 'Error'), h('dd', { class: 'error-name' }, error ?? '—'),
      h('dt', {}, 'Cause'), h('dd', {}, h('pre', { class: 'cause' }, prettyJson(cause) || '—'))));
}

function stateDetails(name, state, type) {
  const visits = state ? state.visits : [];
  const visit = visits[visits.length - 1];
  const statusName = state ? state.status : 'not-reached';
  const parts = [
    h('div', { class: 'state-head' },
      h('h3', { id: 'selected-state' }, name),
      h('span', { class: `pill status-${statusName}`, id: 'selected-state-status' }, statusName.replace('-', ' '))),
    h('p', { class: 'muted' }, `${type || 'State'}${visits.length > 1 ? ` · entered ${visits.length} times, showing the last` : ''}`),
  ];
  if (!visit) {
    parts.push(h('p', { class: 'hint' }, 'Not reached in this execution.'));
    return parts;
  }
  const end = visit.exitedAt || null;
  parts.push(h('dl', { class: 'facts compact' },
    h('dt', {}, 'Entered'), h('dd', {}, formatDate(visit.enteredAt)),
    h('dt', {}, 'Exited'), h('dd', {}, formatDate(end)),
    h('dt', {}, 'Duration'), h('dd', {}, end && visit.enteredAt ? formatDuration(end - visit.enteredAt) : '—'),
    visit.iterations ? [h('dt', {}, 'Iterations'), h('dd', {}, String(visit.iterations))] : null));
  if (visit.error !== undefined || visit.cause !== undefined) parts.push(failureBox(statusName === 'caught' ? 'Error (caught)' : 'Error', visit.error, visit.cause));
  if (visit.attempts.length) {
    const retries = visit.attempts.length - 1;
    parts.push(h('h4', {}, `Attempts (${retries === 0 ? 'no retries' : retries === 1 ? '1 retry' : `${retries} retries`})`),
      h('table', { class: 'list compact', id: 'attempts' },
        h('thead', {}, h('tr', {}, h('th', {}, '#'), h('th', {}, 'Scheduled'), h('th', {}, 'Result'), h('th', {}, 'Error'))),
        h('tbody', {}, visit.attempts.map((a, i) => h('tr', { class: a.failed ? 'failed' : '' },
          h('td', {}, String(i + 1)),
          h('td', {}, formatDate(a.scheduledAt)),
          h('td', {}, a.outcome ? a.outcome.replace(/^(Task|LambdaFunction|Activity)/, '') : 'running'),
          h('td', { class: 'wrap', title: a.cause || '' }, a.error || ''))))));
  }
  parts.push(jsonBlock('Input', visit.input, { testId: 'state-input' }), jsonBlock('Output', visit.output, { testId: 'state-output' }));
  return parts;
}

function historyTable(events, analysis, expanded, redraw) {
  if (!events.length) return h('p', { class: 'empty' }, 'No events.');
  const startedAt = analysis.startedAt;
  const rows = [];
  for (const event of events) {
    const details = detailsOf(event);
    const time = toDate(event.timestamp);
    const open = expanded.has(event.id);
    const failed = /Failed|TimedOut|Aborted/.test(event.type);
    const toggle = () => {
      if (expanded.has(event.id)) expanded.delete(event.id); else expanded.add(event.id);
      redraw();
    };
    const button = h('button', { type: 'button', class: 'expand', 'aria-expanded': String(open), 'aria-label': `Details of event ${event.id}`, onclick: toggle, disabled: !details }, details ? (open ? '▾' : '▸') : '');
    rows.push(h('tr', { class: `event${failed ? ' failed' : ''}`, 'data-event-id': String(event.id), 'data-type': event.type },
      h('td', { class: 'num' }, button, ' ', String(event.id)),
      h('td', {}, event.type),
      h('td', {}, analysis.stepOf.get(event.id) || ''),
      h('td', { class: 'resource' }, details && details.resource ? details.resource : ''),
      h('td', { class: 'num' }, time && startedAt ? formatDuration(time - startedAt) : ''),
      h('td', {}, formatDate(time))));
    if (open && details) {
      rows.push(h('tr', { class: 'event-details', 'data-details-of': String(event.id) },
        h('td', { colspan: 6 }, detailsList(details))));
    }
  }
  return h('table', { class: 'list events', id: 'events' },
    h('thead', {}, h('tr', {}, h('th', {}, 'ID'), h('th', {}, 'Type'), h('th', {}, 'Step'), h('th', {}, 'Resource'), h('th', {}, 'Started after'), h('th', {}, 'Date and time'))),
    h('tbody', {}, rows));
}

function detailsList(details) {
  return h('dl', { class: 'details' }, Object.entries(details).map(([key, value]) => [
    h('dt', {}, key),
    h('dd', {}, typeof value === 'string' ? h('pre', {}, prettyJson(value)) : h('pre', {}, JSON.stringify(value, null, 2))),
  ]));
}

