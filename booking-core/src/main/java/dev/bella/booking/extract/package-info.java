/** Appointment extraction from one caller utterance: a local grammar first, OpenAI only when needed, two cache levels. */
package dev.bella.booking.extract;
