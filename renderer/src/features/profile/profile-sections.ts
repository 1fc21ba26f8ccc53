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
import { DetailsSection } from './DetailsSection';
import { PasswordSection } from './PasswordSection';
import { SessionsSection } from './SessionsSection';
import { SignInsSection } from './SignInsSection';

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
  { id: 'details', title: 'details.title', Section: DetailsSection },
  { id: 'password', title: 'password.title', Section: PasswordSection },
  { id: 'sign-ins', title: 'signIns.title', Section: SignInsSection },
  { id: 'sessions', title: 'sessions.title', Section: SessionsSection },
];
