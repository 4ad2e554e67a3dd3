import { describe, expect, it } from 'vitest';
import { AliyunSmsProvider, parseSendSmsResponse, percentEncode, signRpcRequest } from './aliyun-sms.js';

describe('Alibaba Cloud SMS signing', () => {
  // The worked example of the SendSms documentation (signature v1, HMAC-SHA1).
  const documented = {
    AccessKeyId: 'testId',
    Action: 'SendSms',
    Format: 'XML',
    OutId: '123',
    PhoneNumbers: '15300000001',
    RegionId: 'cn-hangzhou',
    SignName: '阿里云短信测试专用',
    SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466',
    SignatureVersion: '1.0',
    TemplateCode: 'SMS_71390007',
    TemplateParam: '{"customer":"test"}',
    Timestamp: '2017-07-12T02:42:19Z',
    Version: '2017-05-25',
  };

  it('reproduces the documented signature', () => {
    const sig = signRpcRequest('GET', documented, 'testSecret');
    expect(sig).toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
    expect(percentEncode(sig)).toBe('zJDF%2BLrzhj%2FThnlvIToysFRq6t4%3D');
  });

  it('changes when any parameter or the secret changes', () => {
    expect(signRpcRequest('GET', { ...documented, PhoneNumbers: '15300000002' }, 'testSecret')).not.toBe(
      'zJDF+Lrzhj/ThnlvIToysFRq6t4=',
    );
    expect(signRpcRequest('GET', documented, 'otherSecret')).not.toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
  });

  it('percent-encodes the RFC 3986 way', () => {
    expect(percentEncode('a b*c~d')).toBe('a%20b%2Ac~d');
    expect(percentEncode("!'()")).toBe('%21%27%28%29');
  });

  it('builds a signed query for a login code', () => {
    const p = new AliyunSmsProvider({
      accessKeyId: 'id',
      accessKeySecret: 'secret',
      signName: '鹿寨零工',
      templates: { login_code: 'SMS_1', sign_code: 'SMS_2', notice: 'SMS_3' },
    });
    // Our own wording (params.text) never reaches a registered code template.
    const q = p.buildQuery(
      { phone: '13800000001', template: 'login_code', params: { code: '123456', text: '验证码123456' } },
      new Date('2026-01-02T03:04:05.678Z'),
      'nonce-1',
    );
    expect(q).toMatchObject({
      Action: 'SendSms',
      PhoneNumbers: '13800000001',
      TemplateCode: 'SMS_1',
      TemplateParam: '{"code":"123456"}',
      Timestamp: '2026-01-02T03:04:05Z',
    });
    const { Signature, ...rest } = q;
    expect(Signature).toBe(signRpcRequest('GET', rest, 'secret'));
  });

  it('parses replies', () => {
    expect(parseSendSmsResponse({ Code: 'OK', Message: 'OK', BizId: '9006197469364984^0', RequestId: 'x' })).toEqual({
      ok: true,
      bizId: '9006197469364984^0',
    });
    expect(parseSendSmsResponse({ Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: '触发分钟级流控' })).toEqual({
      ok: false,
      code: 'isv.BUSINESS_LIMIT_CONTROL',
      message: '触发分钟级流控',
    });
    expect(parseSendSmsResponse('nope')).toMatchObject({ ok: false });
  });
});
