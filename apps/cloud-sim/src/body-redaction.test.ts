import { describe, expect, it } from 'vitest';
import { REDACTED, redactBody } from './body-redaction.ts';

describe('request body redaction', () => {
  it('keeps a body without secrets byte for byte', () => {
    const text = '{ "name" : "x",\n "hosts": [] }';
    expect(redactBody(text)).toEqual({ text, redacted: false });
    expect(redactBody('not json')).toEqual({ text: 'not json', redacted: false });
  });

  it('hides the password inside the MRS source_info string, keeping the other keys', () => {
    const info = JSON.stringify({ db_name: 'd', user_name: 'u', password: 'Hunter2!', rds_instance_id: 'r' });
    const out = redactBody(JSON.stringify({ data_connector: { connector_name: 'c', source_type: 'RDS_MYSQL', source_info: info } }));
    expect(out.redacted).toBe(true);
    expect(out.text).not.toContain('Hunter2!');
    const parsed = JSON.parse(JSON.parse(out.text).data_connector.source_info);
    expect(parsed).toEqual({ db_name: 'd', user_name: 'u', password: REDACTED, rds_instance_id: 'r' });
  });

  it('hides DWS user_pwd', () => {
    const out = redactBody(JSON.stringify({ type: 'MRS', user_pwd: 'pw-123456', data_source_name: 'n' }));
    expect(out).toEqual({ text: JSON.stringify({ type: 'MRS', user_pwd: REDACTED, data_source_name: 'n' }), redacted: true });
  });

  it('leaves a source_info without a password as sent', () => {
    const body = JSON.stringify({ data_connector: { source_info: '{"db_name":"d"}' } });
    expect(redactBody(body)).toEqual({ text: body, redacted: false });
  });
});
