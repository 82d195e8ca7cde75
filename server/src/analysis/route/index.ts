// The route tester: which router serves a URL, and what the backend receives.
export { routeRequest, portOf, type Candidate, type RouteQuery, type RouteResult } from './tester';
export { forwardedPath, type Forwarded, type PathStep } from './paths';
export { parseTarget, type Target } from './target';
export { routedRouters, mayMeet, shareEntryPoint, type Routed } from './routers';
export { serviceOf, routerOutcome } from './outcome';
