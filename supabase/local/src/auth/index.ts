/** /auth/v1 — placeholder until the service lands. */
import { json, type Handler } from '../http/types';

export const authHandler: Handler = async () => json(501, { message: 'auth is not implemented yet' });
