export { api } from './endpoints';
export { ApiError, errorLines, errorMessage, NETWORK_ERROR_MESSAGE, type FieldError } from './errors';
export { request, apiBase, setSessionExpiredHandler } from './client';
export { getSession, saveSession, clearSession, updateUser, type Session } from './session';
