/**
 * The sections of the profile page, in order. A section is a component with no props that reads
 * the session store and calls the member's own channels; `title` is a key in the `profile`
 * catalogue.
 */
import type { ComponentType } from 'react';
import { AccountSection } from './AccountSection';
import { TwoFactorSection } from './TwoFactorSection';
import { PinSection } from './PinSection';
import { ContactsSection } from './ContactsSection';

export interface ProfileSection {
  id: string;
  title: string;
  Section: ComponentType;
}

export const PROFILE_SECTIONS: readonly ProfileSection[] = [
  { id: 'account', title: 'account.title', Section: AccountSection },
  { id: 'two-factor', title: 'twoFactor.title', Section: TwoFactorSection },
  { id: 'pin', title: 'pin.title', Section: PinSection },
  { id: 'contacts', title: 'contacts.title', Section: ContactsSection },
];
