import { vi } from 'vitest';

export const ATTIO_API_TOKEN = 'attio-app-token';
export const getCurrentUser = vi.fn();
export const getWorkspaceConnection = vi.fn();
export const Settings = { getSettings: vi.fn() };
