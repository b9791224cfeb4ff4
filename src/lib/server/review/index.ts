/**
 * The review server API the screens call (see each module's JSDoc). Every function takes the actor
 * (their own client + user id); those that change a score also take the service-role client.
 */
export * from './result';
export * from './calls';
export * from './findings';
export * from './calibration';
export * from './queries';
export { agentPseudonym, pseudonymOf } from './pseudonym';
