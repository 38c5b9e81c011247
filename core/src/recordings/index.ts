export { fetchCarrierRecording } from './fetch-audio.ts';
export { sendAudio } from './serve.ts';
export { checkSignedRecordingLink, RECORDING_URL_TTL_SECONDS, signedRecordingUrl } from './signed-url.ts';
export { assertMayHearCall, findRecording, loadAudio } from './store.ts';
