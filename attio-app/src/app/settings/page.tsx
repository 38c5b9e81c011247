import { Settings } from 'attio/client';
import schema from './schema';

export default Settings.defineWorkspacePage(schema, () => {
  const { Form, TextInput } = Settings.useForm(schema);
  return (
    <Form>
      <TextInput name="parleyUrl" label="Parley URL (e.g. https://phone.example.com)" />
    </Form>
  );
});
