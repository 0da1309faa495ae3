// Answers built with every header the app's middleware would add (see browserJson.ts).
// The middleware leaves them as they are: adding headers after the fact turns a plain
// header object into a `Headers` instance, which costs more than the rest of the answer.
// A symbol on the response marks them: cheaper than a WeakSet, and private to this file.
const COMPLETE = Symbol('vouch.completeResponse');

/** Marks `response` as carrying every header already, and returns it. */
export function markComplete(response: Response): Response {
  (response as Response & { [COMPLETE]?: true })[COMPLETE] = true;
  return response;
}

/** Whether `response` was built with every header already. */
export function isComplete(response: Response): boolean {
  return (response as Response & { [COMPLETE]?: true })[COMPLETE] === true;
}
