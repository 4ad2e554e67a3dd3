// 工作协议: generated on hire inside the hiring transaction; ended by cancellation or completion.
export { generateAgreement, terminateAgreement, fulfilAgreement } from './agreements.service.js';
