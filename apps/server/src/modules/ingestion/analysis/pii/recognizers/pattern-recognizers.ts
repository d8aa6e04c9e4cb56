import type { CountryCode } from "libphonenumber-js/max";
import type { PatternRecognizer, PiiEntityType } from "../types.js";
import { creditCardRecognizer } from "./credit-card.js";
import { emailAddressRecognizer } from "./email-address.js";
import { ibanRecognizer } from "./iban.js";
import { ipAddressRecognizer } from "./ip-address.js";
import { createPhoneNumberRecognizer } from "./phone-number.js";
import { usSsnRecognizer } from "./us-ssn.js";

const phoneRecognizers = new Map<CountryCode, PatternRecognizer>();

function phoneRecognizerFor(region: CountryCode): PatternRecognizer {
  let recognizer = phoneRecognizers.get(region);
  if (!recognizer) {
    recognizer = createPhoneNumberRecognizer(region);
    phoneRecognizers.set(region, recognizer);
  }
  return recognizer;
}

/** The pattern recognizer for `type`, or undefined for the NER types (PERSON, LOCATION). */
export function patternRecognizerFor(
  type: PiiEntityType,
  phoneRegion: CountryCode,
): PatternRecognizer | undefined {
  switch (type) {
    case "CREDIT_CARD":
      return creditCardRecognizer;
    case "US_SSN":
      return usSsnRecognizer;
    case "EMAIL_ADDRESS":
      return emailAddressRecognizer;
    case "PHONE_NUMBER":
      return phoneRecognizerFor(phoneRegion);
    case "IBAN":
      return ibanRecognizer;
    case "IP_ADDRESS":
      return ipAddressRecognizer;
    case "PERSON":
    case "LOCATION":
      return undefined;
  }
}
