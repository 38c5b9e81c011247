import { Settings } from 'attio';

/** The Parley server this workspace uses; the secret is the app's workspace connection. */
export default Settings.defineWorkspaceSchema({
  parleyUrl: Settings.Schema.string(),
});
