import { describe, expect, it } from 'vitest';
import { UpdateDataConnectorBody, buildSourceInfo, parseSourceInfo } from './mrs.ts';
import { ReconfigureBody } from './dws.ts';
import { configureStatusName, jobIsFinal, mrsResultOk } from './values.ts';
import { parseUpstreamError } from './errors.ts';

describe('MRS source_info', () => {
  const fields = { db_name: 'default', user_name: 'mrs', rds_instance_id: '3aa55f1cb4c3491686936130f21e9f16in01' };

  it.each(['RDS_MYSQL', 'RDS_POSTGRES', 'gaussdb-mysql'])('builds and validates for %s', (source_type) => {
    const source_info = buildSourceInfo({ ...fields, password: 's3cret!' });
    expect(JSON.parse(source_info)).toEqual({ ...fields, password: 's3cret!' });
    const body = { data_connector: { connector_name: 'mrs-mysql-connector', source_type, source_info } };
    expect(UpdateDataConnectorBody.parse(body)).toEqual(body);
  });

  it('omits the password key when left empty, so the stored one is kept', () => {
    expect(JSON.parse(buildSourceInfo({ ...fields, password: '' }))).toEqual(fields);
  });

  it('refuses to send the mask back as a password', () => {
    const source_info = JSON.stringify({ ...fields, password: '*****' });
    const r = UpdateDataConnectorBody.safeParse({ data_connector: { connector_name: 'c', source_type: 'RDS_MYSQL', source_info } });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(['data_connector', 'source_info', 'password']);
  });

  it('names the bad inner field and refuses non-JSON', () => {
    const bad = UpdateDataConnectorBody.safeParse({
      data_connector: { connector_name: 'c', source_type: 'RDS_MYSQL', source_info: JSON.stringify({ ...fields, db_name: '' }) },
    });
    expect(bad.error!.issues[0]!.path).toEqual(['data_connector', 'source_info', 'db_name']);
    const notJson = UpdateDataConnectorBody.safeParse({ data_connector: { connector_name: 'c', source_type: 'RDS_MYSQL', source_info: '{' } });
    expect(notJson.success).toBe(false);
    const badType = UpdateDataConnectorBody.safeParse({ data_connector: { connector_name: 'c', source_type: 'ORACLE', source_info: buildSourceInfo(fields) } });
    expect(badType.error!.issues[0]!.path).toEqual(['data_connector', 'source_type']);
  });

  it('parses a stored source_info without exposing the mask', () => {
    const parsed = parseSourceInfo(JSON.stringify({ ...fields, password: '*****' }));
    expect(parsed).toEqual({ ...fields, hasPassword: true });
    expect(parseSourceInfo('not json')).toEqual({ hasPassword: false });
  });

  it('reads both spellings of success and failed as failure', () => {
    expect(mrsResultOk('succeed')).toBe(true);
    expect(mrsResultOk('succeeded')).toBe(true);
    expect(mrsResultOk('failed')).toBe(false);
    expect(mrsResultOk('')).toBe(false);
  });
});

describe('DWS', () => {
  it.each([
    [200, 'ACTIVE'],
    ['200', 'ACTIVE'],
    ['ACTIVE', 'ACTIVE'],
    [600, 'PENDING_REBOOT'],
    ['600', 'PENDING_REBOOT'],
    ['pending_reboot', 'PENDING_REBOOT'],
    [401, 'DELETING'],
    [300, 'FAILED'],
    [999, 'UNKNOWN'],
    [null, 'UNKNOWN'],
    ['nonsense', 'UNKNOWN'],
  ])('configure_status %j → %s', (v, name) => {
    expect(configureStatusName(v)).toBe(name);
  });

  it('reconfigure body is strict', () => {
    expect(ReconfigureBody.safeParse({ reconfigure: { reboot: false, agency: 'DWSAccessOBS' } }).success).toBe(true);
    expect(ReconfigureBody.safeParse({ reconfigure: { reboot: 'yes' } }).success).toBe(false);
    expect(ReconfigureBody.safeParse({ reconfigure: { agency: 'bad agency!' } }).success).toBe(false);
    expect(ReconfigureBody.safeParse({}).success).toBe(false);
  });

  it('knows final job states', () => {
    expect(['SUCCESS', 'FAIL', 'STOP'].every(jobIsFinal)).toBe(true);
    expect(['INIT', 'WAITING', 'RUNNING', 'DELAY_SCHEDULED'].some(jobIsFinal)).toBe(false);
  });
});

describe('upstream error shapes', () => {
  it.each([
    [{ error_code: 'DLI.0002', error_msg: 'not found' }, 'DLI.0002', 'not found', undefined],
    [{ error_code: 'APIGW.0301', error_msg: 'verify aksk signature fail', request_id: 'r1' }, 'APIGW.0301', 'verify aksk signature fail', 'r1'],
    [{ error_code: 'MRS.1', message: 'm' }, 'MRS.1', 'm', undefined],
    [{ code: 'DWS.0001', message: 'bad' }, 'DWS.0001', 'bad', undefined],
    [{ error: { code: 'DWS.9', message: 'nested' } }, 'DWS.9', 'nested', undefined],
    ['<html>', undefined, undefined, undefined],
    [null, undefined, undefined, undefined],
  ])('%j', (body, code, message, requestId) => {
    expect(parseUpstreamError(body)).toEqual({ code, message, requestId });
  });
});
