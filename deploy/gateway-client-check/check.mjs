// An independent client of the gateway's API (docs/api.md): Node's own fetch and the npm
// `eventsource` client, nothing of Rogatory's code. As a state's case system it submits two
// requests, follows its state's events, drops the stream between them and resumes it with
// Last-Event-ID, and is refused what its role does not allow. Prints one JSON object.
// Usage: node check.mjs API_BASE SERVICE_TOKEN STATE OTHER_STATE
import EventSource from 'eventsource';

const [api, token, state, other] = process.argv.slice(2);
const auth = { Authorization: `Bearer ${token}` };
const request = (requestingState, requestedState) => JSON.stringify({
  requestType: 'MLA', instrument: 'UNTOC', requestingState, requestedState,
  originNode: `${requestingState}-CA-MLA`, conductCategory: 'ONLINE_FRAUD', nationalOffenceLabel: 'wire fraud',
  crimeArea: 'FINANCIAL_CRIME_CORRUPTION', maxPenaltyYears: 10, organisedCriminalGroup: true,
  language: 'en', classification: 'RESTRICTED',
});

async function submit(body, key) {
  const answer = await fetch(`${api}/requests`, {
    method: 'POST', body,
    headers: { ...auth, 'Content-Type': 'application/json', 'Idempotency-Key': key },
  });
  return { status: answer.status, body: await answer.json() };
}

/** Follows the state's events until `until` holds, resuming after `lastEventId` if given. */
function follow(lastEventId, until) {
  return new Promise((resolve, reject) => {
    const headers = lastEventId ? { ...auth, 'Last-Event-ID': lastEventId } : auth;
    const source = new EventSource(`${api}/events?state=${state}`, { headers });
    const seen = [];
    const ids = [];
    let last = lastEventId;
    const timer = setTimeout(() => { source.close(); reject(new Error(`no such event within 120 s; seen ${JSON.stringify(seen)}`)); }, 120_000);
    const take = (event) => {
      last = event.lastEventId || last;
      if (event.type === 'case') {
        seen.push(JSON.parse(event.data).caseId);
        ids.push(event.lastEventId);
      }
      if (until(seen, event)) {
        clearTimeout(timer);
        source.close();
        resolve({ seen, ids, last });
      }
    };
    for (const name of ['opened', 'case', 'escalation']) {
      source.addEventListener(name, take);
    }
    source.onerror = (error) => {
      if (error && error.status) {
        clearTimeout(timer);
        source.close();
        reject(new Error(`event stream refused: ${error.status} ${error.message ?? ''}`));
      }
    };
  });
}

const result = {};
const opened = await follow(null, (seen, event) => event.type === 'opened');
const first = await submit(request(state, other), `independent-${Date.now()}-1`);
result.firstStatus = first.status;
const before = await follow(opened.last, (seen) => seen.includes(first.body.caseId));
// the client is away: a second request is submitted and changes while nobody listens
const second = await submit(request(state, other), `independent-${Date.now()}-2`);
result.secondStatus = second.status;
const resumed = await follow(before.last, (seen) => seen.includes(second.body.caseId));
result.firstCase = first.body.caseId;
result.secondCase = second.body.caseId;
result.seenBeforeReconnect = before.seen;
result.seenAfterReconnect = resumed.seen;
// every event id after the reconnect is new: nothing delivered twice
result.repeatedEventIds = resumed.ids.filter((id) => before.ids.includes(id));

const foreign = await submit(request(other, state), `independent-${Date.now()}-3`);
result.foreignSubmission = { status: foreign.status, field: foreign.body.field };
const control = await fetch(`${api}/exercise`, { headers: auth });
result.exerciseControl = { status: control.status, field: (await control.json()).field };
const anonymous = await fetch(`${api}/cases`);
result.anonymous = { status: anonymous.status, field: (await anonymous.json()).field };
console.log(JSON.stringify(result));
