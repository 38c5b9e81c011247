export const Settings = {
  defineWorkspaceSchema: <T>(fields: T) => ({ fields }),
  Schema: { string: () => ({ type: 'string' }) },
};
