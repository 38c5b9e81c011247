import { z } from 'zod';

/**
 * Default wording for zod's generic messages, so a form shows "This field is required" rather
 * than "Invalid input: expected string, received undefined". Schema-level messages win.
 */
export function installZodMessages(): void {
  z.config({
    customError: (issue) => {
      if (issue.code === 'invalid_type' && issue.input === undefined) return 'This field is required';
      if (issue.code === 'invalid_type') return `Expected ${issue.expected}`;
      if (issue.code === 'unrecognized_keys')
        return `Unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`;
      return undefined;
    },
  });
}
