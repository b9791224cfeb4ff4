// supabase-js' realtime client wants a global WebSocket; Node 20 has none built in.
import WebSocket from 'ws';

(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
