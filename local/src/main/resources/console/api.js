// A client of the public Step Functions API (AWS JSON 1.0 over POST /), as any SDK calls it.
// The console uses nothing else, so it works the same against any Step Functions endpoint.

export class SfnError extends Error {
  constructor(type, message, status) {
    super(message || type);
    this.type = type;
    this.status = status;
  }
}

/** Calls one operation, e.g. call('ListExecutions', {stateMachineArn, maxResults: 25}). */
export async function call(operation, body = {}) {
  let response;
  try {
    response = await fetch('/', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.0',
        'X-Amz-Target': `AWSStepFunctions.${operation}`,
      },
      body: JSON.stringify(body),
    });
  } catch (e) {
    throw new SfnError('NetworkError', `The Step Functions endpoint did not answer: ${e.message}`, 0);
  }
  const text = await response.text();
  let json = {};
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      throw new SfnError('InvalidResponse', `${operation} answered HTTP ${response.status} with a body that is not JSON`, response.status);
    }
  }
  if (!response.ok) {
    // "__type" is "ExecutionDoesNotExist" or "com.amazonaws.swf.service.v2.model#ExecutionDoesNotExist".
    const type = String(json.__type || `HTTP ${response.status}`).split('#').pop();
    throw new SfnError(type, json.message || json.Message || type, response.status);
  }
  return json;
}

export const api = {
  listStateMachines: (nextToken) => call('ListStateMachines', clean({ maxResults: 100, nextToken })),
  describeStateMachine: (stateMachineArn) => call('DescribeStateMachine', { stateMachineArn }),
  // The definition an execution ran with, which may differ from the machine's current one after an update.
  describeStateMachineForExecution: (executionArn) => call('DescribeStateMachineForExecution', { executionArn }),
  listExecutions: (stateMachineArn, { statusFilter, maxResults = 25, nextToken } = {}) =>
    call('ListExecutions', clean({ stateMachineArn, statusFilter, maxResults, nextToken })),
  describeExecution: (executionArn) => call('DescribeExecution', { executionArn }),
  startExecution: (stateMachineArn, name, input) => call('StartExecution', clean({ stateMachineArn, name, input })),
  stopExecution: (executionArn, error, cause) => call('StopExecution', clean({ executionArn, error, cause })),
  redriveExecution: (executionArn) => call('RedriveExecution', { executionArn }),

  /** The whole history, oldest first, fetched in pages of 1000 events (the API's maximum). */
  async executionHistory(executionArn) {
    const events = [];
    let nextToken;
    do {
      const page = await call('GetExecutionHistory', clean({ executionArn, maxResults: 1000, nextToken }));
      events.push(...(page.events || []));
      nextToken = page.nextToken;
    } while (nextToken);
    return events;
  },
};

function clean(body) {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}

/**
 * The ARN of an execution from its state machine's ARN and its name:
 * arn:aws:states:<region>:<account>:stateMachine:<machine> -> arn:aws:states:<region>:<account>:execution:<machine>:<name>.
 * A name lookup is then one DescribeExecution, no scan.
 */
export function executionArn(stateMachineArn, name) {
  const parts = String(stateMachineArn).split(':');
  if (parts.length < 7 || parts[5] !== 'stateMachine') {
    throw new SfnError('InvalidArn', `Not a state machine ARN: ${stateMachineArn}`);
  }
  return [...parts.slice(0, 5), 'execution', parts[6], name].join(':');
}

/** The state machine's ARN of an execution ARN (the reverse of executionArn). */
export function stateMachineArnOf(executionArnValue) {
  const parts = String(executionArnValue).split(':');
  return [...parts.slice(0, 5), 'stateMachine', parts[6]].join(':');
}
