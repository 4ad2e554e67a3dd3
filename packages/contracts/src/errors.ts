/**
 * Every error the API returns: a stable code, its HTTP status and the Chinese message shown to
 * users. The server throws `new AppError(code)`; web apps may switch on the code.
 */
export const ERROR_CODES = {
  /** A request body, query or parameter failed validation; `details` names each field. */
  VALIDATION_FAILED: { status: 400, message: '提交的信息有误，请检查后重试' },
  /** The body is not valid JSON or has the wrong content type. */
  BAD_REQUEST: { status: 400, message: '请求格式不正确' },
  /** No session, or the session is wrong, expired or revoked. */
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  /** Logged in, but the role lacks the permission or the record is outside the region scope. */
  FORBIDDEN: { status: 403, message: '没有权限进行此操作' },
  /** The record does not exist (or is outside the caller's scope and must not be revealed). */
  NOT_FOUND: { status: 404, message: '记录不存在' },
  /** No route matches the method and path. */
  ROUTE_NOT_FOUND: { status: 404, message: '接口不存在' },
  /** The record already exists (unique field taken). */
  CONFLICT: { status: 409, message: '记录已存在' },
  /** The body exceeds the size limit. */
  PAYLOAD_TOO_LARGE: { status: 413, message: '提交的内容过大' },
  /** Too many requests from this client in a short time. */
  RATE_LIMITED: { status: 429, message: '操作太频繁，请稍后再试' },
  /** An SMS code was requested again within the cooldown for the same phone. */
  SMS_COOLDOWN: { status: 429, message: '验证码已发送，请60秒后再试' },
  /** The phone reached its daily SMS limit. */
  SMS_DAILY_LIMIT: { status: 429, message: '今日验证码发送次数已达上限，请明天再试' },
  /** The client IP reached its SMS limit. */
  SMS_IP_LIMIT: { status: 429, message: '当前网络发送验证码过于频繁，请稍后再试' },
  /** The SMS code is wrong. */
  SMS_CODE_INVALID: { status: 400, message: '验证码不正确' },
  /** The SMS code expired, was used, or was killed after too many wrong tries. */
  SMS_CODE_EXPIRED: { status: 400, message: '验证码已失效，请重新获取' },
  /** Wrong staff username or password. */
  LOGIN_FAILED: { status: 401, message: '用户名或密码不正确' },
  /** The staff account is locked after repeated failures. */
  ACCOUNT_LOCKED: { status: 423, message: '登录失败次数过多，账号已锁定15分钟' },
  /** The account is disabled by an administrator. */
  ACCOUNT_DISABLED: { status: 403, message: '账号已停用，请联系管理员' },
  /** Staff login: the password was right, now the authenticator code (or a recovery code) is needed. */
  TOTP_REQUIRED: { status: 401, message: '请输入身份验证器中的6位动态码' },
  /** Staff login or step-up: wrong, reused or expired authenticator / recovery code. */
  TOTP_INVALID: { status: 401, message: '动态码不正确或已使用，请重新输入' },
  /** The role requires a second factor: enrol an authenticator before using the console. */
  TOTP_ENROLMENT_REQUIRED: { status: 403, message: '您的角色须绑定身份验证器（双因素认证）后才能使用后台' },
  /** Sensitive action: re-enter the authenticator code first (step-up). */
  STEP_UP_REQUIRED: { status: 403, message: '此操作需再次输入动态码确认身份' },
  /** A state-changing request without JSON / the custom header, or from another site's Origin. */
  CSRF_REJECTED: { status: 403, message: '请求来源校验失败，请刷新页面后重试' },
  /** The same Idempotency-Key was sent with a different request. */
  IDEMPOTENCY_KEY_REUSED: { status: 422, message: '重复使用了请求标识（Idempotency-Key），但请求内容不同' },
  /** The first request with this Idempotency-Key is still running or its outcome is unknown. */
  IDEMPOTENCY_IN_PROGRESS: { status: 409, message: '相同的请求正在处理或结果未知，请稍后刷新确认，勿重复提交' },
  /** An import file has bad rows; nothing was imported; `details` lists row, field, message. */
  IMPORT_FAILED: { status: 400, message: '导入文件有错误，未导入任何数据' },
  /** A job posting failed the automatic checks (sensitive words, discrimination rules); `details` names each field, word and rule. */
  CONTENT_BLOCKED: { status: 400, message: '内容未通过自动检查，请按提示修改' },
  /** The action is not allowed in the record's current status (e.g. editing a closed job). */
  INVALID_STATE: { status: 409, message: '当前状态不能进行此操作' },
  /** The worker already applied to (or was invited to) this job. */
  ALREADY_APPLIED: { status: 409, message: '您已报名该岗位，请勿重复报名' },
  /** Hiring would exceed the job's headcount (招满). */
  JOB_FULL: { status: 409, message: '该岗位已招满' },
  /** Applying or inviting needs a worker profile (个人画像) first. */
  PROFILE_REQUIRED: { status: 409, message: '请先完善个人信息（个人画像）再报名' },
  /** A suspended employer (暂停) submits or publishes a posting. */
  EMPLOYER_SUSPENDED: { status: 403, message: '该用工主体已被暂停，暂不能发布岗位，请联系服务窗口' },
  /** Staff merge two worker profiles that cannot be merged (different ID numbers, both with accounts). */
  MERGE_CONFLICT: { status: 409, message: '两份登记信息冲突，不能合并' },
  /** A personal-data consent (privacy policy, ID data) is missing; `details` names which. */
  CONSENT_REQUIRED: { status: 400, message: '请先阅读并同意相关授权' },
  /** A ledger export or acceptance pack would hold more rows than one file may (narrow the period or town). */
  EXPORT_TOO_LARGE: { status: 413, message: '导出数据过多，请缩短时间范围或按乡镇分别导出' },
  /** The account is on the credit blacklist (诚信黑名单) for this action (posting or applying). */
  BLACKLISTED: { status: 403, message: '您的账号因信用问题已被限制此操作，如有异议可在“我的信用”中申诉' },
  /** An unexpected server error; details are logged, never sent. */
  INTERNAL: { status: 500, message: '服务器开小差了，请稍后再试' },
  /** A dependency (database, SMS gateway) is unavailable. */
  SERVICE_UNAVAILABLE: { status: 503, message: '服务暂不可用，请稍后再试' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;
