module vk.local/benchfloor

go 1.26
