"""Sending: tokens and Message-IDs, message building, wire templates, SMTP delivery."""
