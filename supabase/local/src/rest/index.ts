/** /rest/v1 — placeholder until the service lands. */
import { json, type Handler } from '../http/types';

export const restHandler: Handler = async () => json(501, { message: 'rest is not implemented yet' });
