export type Permission = 'granted' | 'prompt' | 'denied' | 'unavailable';

export interface DialerPermissions {
  microphone: Permission;
  notifications: Permission;
}

/** Where the microphone and notification permissions stand, without asking anything yet. */
export async function readPermissions(): Promise<DialerPermissions> {
  return { microphone: await readMicrophone(), notifications: readNotifications() };
}

async function readMicrophone(): Promise<Permission> {
  if (!navigator.mediaDevices?.getUserMedia) return 'unavailable';
  try {
    const status = await navigator.permissions.query({ name: 'microphone' as PermissionName });
    return status.state;
  } catch {
    // Firefox does not let a page query the microphone: it is only known by asking.
    return 'prompt';
  }
}

/**
 * Browsers refuse notifications to cross-origin frames whatever the user wants: inside a CRM the
 * host rings (its calling SDK), so there the dialer neither asks nor calls it a refusal.
 */
function notificationsPossible(): boolean {
  return 'Notification' in window && window.parent === window;
}

function readNotifications(): Permission {
  if (!notificationsPossible()) return 'unavailable';
  return Notification.permission === 'default' ? 'prompt' : Notification.permission;
}

/** Asks for both (the browser shows its prompts); a refusal is reported, not thrown. */
export async function askPermissions(): Promise<DialerPermissions> {
  let microphone: Permission = 'unavailable';
  if (navigator.mediaDevices?.getUserMedia) {
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      // Only the permission was wanted now: the Voice SDK opens its own stream for each call.
      for (const track of stream.getTracks()) track.stop();
      microphone = 'granted';
    } catch {
      microphone = 'denied';
    }
  }
  let notifications: Permission = 'unavailable';
  if (notificationsPossible()) {
    const answer = await Notification.requestPermission();
    notifications = answer === 'default' ? 'prompt' : answer;
  }
  return { microphone, notifications };
}
