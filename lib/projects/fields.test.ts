import { describe, expect, it } from 'vitest';
import { PROJECT_FIELDS } from './fields';
import { projectFieldsShape } from './schemas';

describe('PROJECT_FIELDS', () => {
  it('lists exactly the fields of the schema, in its order', () => {
    expect([...PROJECT_FIELDS]).toEqual(Object.keys(projectFieldsShape));
  });
});
