/** /storage/v1 — placeholder until the service lands. */
import { json, type Handler } from '../http/types';

export const storageHandler: Handler = async () => json(501, { message: 'storage is not implemented yet' });
