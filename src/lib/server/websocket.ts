// supabase-js creates a realtime client that needs a global WebSocket, which Node 20 lacks.
// Imported first by hooks.server.ts so it is in place before any client is created.
import WebSocket from 'ws';

(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
