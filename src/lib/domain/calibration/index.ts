/**
 * Calibration statistics: pure functions over evaluators' blind answers to the same call. They
 * never touch official scores; the calibration screens show them and the history chart plots
 * `fleiss.kappa` per session.
 */
export * from './agreement';
export * from './fleiss';
export * from './spread';
export * from './summary';
