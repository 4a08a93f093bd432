/**
 * Rounds and sign-off written on a page's documents by the collaboration server, which holds the
 * documents without a PageStore (a 校对 cannot write the layout document, so the server does it on
 * request, as the person the token names). Desks change rounds and sign-off through PageStore.
 */
export { finishRound, reopen, signOff, startRound } from './proof-doc';
