-- The scale-out stack keeps events (schema heard_events) and read models (public) in one database.
CREATE DATABASE heard;
