-- Images v2: who made the picture and its copyright (also read from the file's IPTC/XMP on upload),
-- and the placeholders an app paints before the picture arrives, computed once on upload.
alter table image add column creator varchar(300);
alter table image add column copyright_notice varchar(1000);
alter table image add column thumbhash varchar(64);
alter table image add column dominant_color varchar(7);
